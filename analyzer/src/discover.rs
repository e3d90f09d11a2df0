//! Finding the files to analyse: .gitignore-aware walk, default excludes, size cap.
