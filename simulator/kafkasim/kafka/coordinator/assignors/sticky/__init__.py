"""kafka.coordinator.assignors.sticky"""
