"""A digest as a standalone HTML page or a PDF.

The PDF is drawn with fpdf2 in DejaVu Sans, which covers Latin, Cyrillic and Greek; the font
files come from matplotlib's wheel (``mpl-data/fonts/ttf``), so a fresh machine needs no system
font.
"""

from __future__ import annotations

from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape

from sujet.api.rankings import PERIODS_BEFORE
from sujet.digest.build import Digest
from sujet.errors import ModelError

_TEMPLATES = Path(__file__).with_name("templates")
_ENV = Environment(loader=FileSystemLoader(_TEMPLATES), autoescape=select_autoescape(["html"]))


def render_html(digest: Digest) -> str:
    return _ENV.get_template("digest.html").render(d=digest, periods_before=PERIODS_BEFORE)


def font_files() -> tuple[Path, Path]:
    """DejaVu Sans regular and bold from matplotlib's wheel."""
    import matplotlib

    folder = Path(matplotlib.get_data_path()) / "fonts" / "ttf"
    regular, bold = folder / "DejaVuSans.ttf", folder / "DejaVuSans-Bold.ttf"
    if not regular.is_file() or not bold.is_file():
        raise ModelError(f"DejaVu Sans not found in {folder}: reinstall matplotlib")
    return regular, bold


def render_pdf(digest: Digest) -> bytes:
    from fpdf import FPDF

    regular, bold = font_files()
    pdf = FPDF(format="A4")
    pdf.set_margins(18, 16, 18)
    pdf.set_auto_page_break(True, margin=16)
    pdf.add_font("DejaVu", "", str(regular))
    pdf.add_font("DejaVu", "B", str(bold))
    pdf.set_title(digest.title)
    pdf.set_creator("Sujet")
    pdf.add_page()
    width = pdf.epw

    def text(body: str, size: float = 10, style: str = "", gap: float = 1.5,
             color: tuple[int, int, int] = (27, 27, 27)) -> None:
        pdf.set_font("DejaVu", style, size)
        pdf.set_text_color(*color)
        pdf.multi_cell(width, size * 0.5, body, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(gap)

    grey = (90, 90, 90)
    text(digest.title, 18, "B", 1)
    text(f"Made {digest.generated_at} by Sujet from {len(digest.events)} top events.", 9,
         color=grey, gap=4)
    text("Top events", 14, "B", 2)
    if not digest.events:
        text("No events in this period.")
    for i, e in enumerate(digest.events, 1):
        text(f"{i}. {e.title}", 11.5, "B", 0.5)
        text(f"{e.date or 'undated'} · {e.reports} reports · {len(e.sources)} sources · "
             f"{', '.join(e.languages)}", 8.5, color=grey, gap=0.5)
        if e.lead:
            text(e.lead, 10, gap=0.5)
        text("Sources: " + " · ".join(e.sources), 8.5, color=grey, gap=3)
    text("People and organisations on the rise", 14, "B", 2)
    if not digest.rising:
        text("Nobody was mentioned in this period.")
    for r in digest.rising:
        sign = "+" if r.change > 0 else ""
        role = f" — {r.position}" if r.position else ""
        text(f"{r.name}{role}: {r.mentions} articles ({sign}{r.change})", 10, gap=1)
    if digest.rising:
        text(f"Change: against the mean of the {PERIODS_BEFORE} periods of the same length "
             "before.", 8.5, color=grey, gap=3)
    for heading, facts in (("Agreements", digest.agreements), ("Figures", digest.figures)):
        text(heading, 14, "B", 2)
        if not facts:
            text("None reported in the top events.")
        for f in facts:
            text(f"• {f.text} ({f.source}{', ' + f.date if f.date else ''})", 9.5, gap=1)
    return bytes(pdf.output())
