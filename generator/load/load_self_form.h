// A filled 自评表 given in memory: `files` (InputFiles) holding 自评表.xlsx
// under its root and no project.yaml, or the workbook's bytes alone under
// the name it was uploaded as, as a server receives an upload. The disk
// form is LoadSelfForm (load.h).
#pragma once

#include <memory>
#include <string>

#include "base/input_files.h"
#include "model/project.h"

namespace jixiao {

// The 自评表 of `files`: <root>/自评表.xlsx, read from memory.
std::shared_ptr<const Project> LoadSelfFormFiles(std::shared_ptr<const InputFiles> files,
                                                 const std::string& system_override, bool review);

// The 自评表 in `bytes`; `path` names it in diagnostics and places the
// project as the same file on disk would be placed (its folder).
std::shared_ptr<const Project> LoadSelfFormBytes(const std::string& path, const std::string& bytes,
                                                 const std::string& system_override, bool review);

}  // namespace jixiao
