"""Topics of articles: the scheme of the Telegram news contest, from the article's e5 vector."""

from sujet.topics.classifier import TOPICS, TopicModel, assign_topics, load_topic_model, topic_text

__all__ = ["TOPICS", "TopicModel", "assign_topics", "load_topic_model", "topic_text"]
