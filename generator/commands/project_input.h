// The project a command reads: a path (project folder, project.yaml or a
// 自评表.xlsx), or its files given in memory (InputFiles under a root that
// names the folder: project.yaml with its 数据采集表.xlsx and text/*.md, or
// a 自评表.xlsx alone), or one workbook given in memory (an upload: a
// 自评表, or for check a submitted 评分表) named by `path`.
#pragma once

#include <memory>
#include <string>

#include "base/input_files.h"
#include "load/load.h"

namespace jixiao {

struct ProjectInput {
  std::string path;                         // used when `files` is null
  std::shared_ptr<const InputFiles> files;  // a project held in memory (or a folder read through InputFiles)
  // A workbook held in memory, read instead of the disk; `path` is only its
  // name (the uploaded file's), in diagnostics and the outputs' names.
  std::shared_ptr<const std::string> bytes;
  // For a project read from `path`: the folders besides its own that the
  // paths it names may lie in (allowed_folders.h); null: unconfined (a
  // library caller's own files). The command line always sets it.
  std::shared_ptr<const AllowedFolders> allowed;

  // The project's name for messages and outputs: the path, or the files' root.
  const std::string& Name() const { return files ? files->Root() : path; }
};

// Loads the project as `report` and `score` do (check: `review`).
std::shared_ptr<const Project> LoadProjectInput(const ProjectInput& in, const std::string& system_override,
                                                SystemCache* cache = nullptr, bool review = false);

}  // namespace jixiao
