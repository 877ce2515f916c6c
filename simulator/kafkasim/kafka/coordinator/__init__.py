"""kafka.coordinator"""
