#include "commands/output_folder.h"

#include <filesystem>

#include "base/folder_name.h"

namespace fs = std::filesystem;

namespace jixiao {

std::string ProjectOutputDir(const std::string& out, const Project& p) {
  return (fs::path(out) / FolderName(p.dir)).string();
}

std::string CheckOutputDir(const std::string& out, const std::string& target, InputKind kind,
                           const Project* p) {
  if (IsWorkbookKind(kind) || !p) return (fs::path(out) / fs::path(target).stem()).string();
  return ProjectOutputDir(out, *p);
}

std::string ReportOutputDir(const std::string& out, const std::string& target, bool workbook, const Project& p) {
  if (workbook) return (fs::path(out) / fs::path(target).stem()).string();
  return ProjectOutputDir(out, p);
}

std::string BatchOutputRel(const std::string& found, const std::string& folder) {
  // By the names alone, never through a symbolic link (fs::relative would
  // resolve them, and a linked folder's outputs would land where it points).
  fs::path rel = fs::path(found).lexically_normal().lexically_relative(fs::path(folder).lexically_normal());
  if (rel.empty() || *rel.begin() == "..")
    rel = fs::path(found).filename();  // not under the folder as written: its own name, inside the output folder
  if (IsXlsxPath(found)) rel.replace_extension();
  return rel.string();
}

}  // namespace jixiao
