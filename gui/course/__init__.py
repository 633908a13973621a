"""The course around the tabs: live exercise checks while something plays,
announcements, teacher mode and the progress report (issue 17).

``install_course(window)`` is the one call the main window makes."""

from gui.course.controller import CourseController


def install_course(window) -> CourseController:
    """Add the course's menu entries and checks to ``window`` (a MainWindow)."""
    return CourseController(window)


__all__ = ["CourseController", "install_course"]
