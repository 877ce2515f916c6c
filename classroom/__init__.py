"""What a teacher takes out of the course: quizzes for Moodle and QTI, a classroom bundle, a PDF."""
