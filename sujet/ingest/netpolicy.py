"""Which network addresses the fetcher may connect to, enforced where the socket is opened.

The check runs on the resolved IP addresses, not the host name, and the connection is made to
the very address that was checked, so a name that resolves to a public address for the check
and to a private one for the connection (DNS rebinding) cannot slip through.
"""

from __future__ import annotations

import functools
import ipaddress
import socket
import ssl
from collections.abc import Callable, Iterable
from typing import Any

import httpcore
import httpx

from sujet.errors import FetchError, FetchRefused

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
Resolver = Callable[[str, int], list[str]]


def system_resolver(host: str, port: int) -> list[str]:
    """The IP addresses of ``host`` from the system resolver (IP literals pass through)."""
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


def refusal_reason(ip: IPAddress) -> str | None:
    """Why an address is not a public one (loopback, private, ...), or None when it is."""
    if isinstance(ip, ipaddress.IPv6Address):
        mapped = ip.ipv4_mapped or ip.sixtofour
        if mapped is not None:
            return refusal_reason(mapped)
        if ip.teredo is not None:
            return refusal_reason(ip.teredo[1])
    checks = (
        ("loopback", ip.is_loopback),
        ("link-local", ip.is_link_local),
        ("multicast", ip.is_multicast),
        ("unspecified", ip.is_unspecified),
        ("private", ip.is_private),
        ("reserved", ip.is_reserved),
        ("not globally routable", not ip.is_global),
    )
    for name, hit in checks:
        if hit:
            return name
    return None


class AddressPolicy:
    """Public addresses only, unless ``allow_private``; ``allow_networks`` are always allowed."""

    def __init__(
        self,
        *,
        allow_private: bool = False,
        allow_networks: Iterable[str] = (),
        resolver: Resolver = system_resolver,
    ) -> None:
        self.allow_private = allow_private
        self.allow_networks = [ipaddress.ip_network(n, strict=False) for n in allow_networks]
        self.resolver = resolver

    def check_ip(self, address: str, host: str) -> None:
        ip = ipaddress.ip_address(address.split("%", 1)[0])
        if self.allow_private or any(ip in net for net in self.allow_networks):
            return
        reason = refusal_reason(ip)
        if reason:
            raise FetchRefused(f"{host} resolves to {reason} address {ip}", source=host)

    def resolve(self, host: str, port: int) -> list[str]:
        """The addresses of ``host`` after the policy check; raises FetchRefused / FetchError."""
        literal = host.strip("[]")
        try:
            addresses = self.resolver(literal, port)
        except (OSError, UnicodeError) as err:
            raise FetchError(f"cannot resolve {host}: {err}", source=host) from err
        if not addresses:
            raise FetchError(f"cannot resolve {host}: no address", source=host)
        for address in addresses:
            self.check_ip(address, host)
        return addresses


class GuardedBackend(httpcore.NetworkBackend):
    """A network backend that resolves, checks and connects to the checked address itself."""

    def __init__(self, policy: AddressPolicy) -> None:
        self.policy = policy
        self._inner = httpcore.SyncBackend()

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.NetworkStream:
        addresses = self.policy.resolve(host, port)
        last: Exception | None = None
        for address in addresses:
            try:
                return self._inner.connect_tcp(
                    address, port, timeout=timeout, local_address=local_address,
                    socket_options=socket_options,
                )
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as err:
                last = err
        assert last is not None
        raise last

    def connect_unix_socket(
        self,
        path: str,
        timeout: float | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.NetworkStream:
        raise FetchRefused("unix sockets are not fetched", source=path)

    def sleep(self, seconds: float) -> None:
        self._inner.sleep(seconds)


@functools.cache
def _ssl_context() -> ssl.SSLContext:
    """One verifying TLS context per process: loading the CA bundle takes a good part of a second."""
    return httpx.create_ssl_context(trust_env=False)


class GuardedTransport(httpx.HTTPTransport):
    """httpx's transport with its connection pool built on :class:`GuardedBackend`.

    Environment proxies are ignored on purpose: through a proxy the address check would be made
    on the proxy, not on the site.
    """

    def __init__(self, policy: AddressPolicy) -> None:
        context = _ssl_context()
        super().__init__(trust_env=False, verify=context)
        self._pool = httpcore.ConnectionPool(
            ssl_context=context,
            max_connections=10,
            max_keepalive_connections=5,
            keepalive_expiry=5.0,
            network_backend=GuardedBackend(policy),
        )
