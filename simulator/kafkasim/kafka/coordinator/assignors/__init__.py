"""kafka.coordinator.assignors"""
