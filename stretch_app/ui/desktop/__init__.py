"""What talks to the desktop: tray, notifications, reminders, sound and voice."""
