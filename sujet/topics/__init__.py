"""Topics of articles: the scheme of the Telegram news contest, from the article's e5 vector."""

from sujet.topics.classifier import TopicModel, assign_topics, load_topic_model, topic_text
from sujet.topics.scheme import TOPICS, check_topic

__all__ = ["TOPICS", "check_topic", "TopicModel", "assign_topics", "load_topic_model", "topic_text"]
