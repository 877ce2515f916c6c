"""The real-Kafka side of the course: lab scripts, CLIs and the broker helper."""
