// The desk's "start a project" page through `init` (and `import` for an
// 附件1-style workbook): an indicator system — bundled, by its file name, or
// uploaded as .yaml or .xlsx — in; the new project's files out, laid out
// as the command line would write them (inputs/<项目>/project.yaml naming
// ../../indicators/<system>.yaml) and gathered into one .zip besides.
#pragma once

#include <string>
#include <vector>

#include "commands/command_result.h"
#include "serve/upload.h"

namespace jixiao {

// The bundled systems as JSON: [{"file": "yaohai-2023.yaml", "name": "…"}, …].
std::string BundledSystemsJson();

struct StartedProject {
  bool refused = false;
  std::string diagnostics;          // as the command line prints them
  std::string summary;              // import's summary, for an uploaded workbook
  std::vector<OutputFile> outputs;  // 数据采集表.xlsx, project.yaml, the system, 新项目.zip; paths are bare names
};

// `system`: a bundled system's file name (only a name from the bundled
// list is accepted), used when `upload` is null. `scratch`: an empty folder
// of the server's to run the commands in.
StartedProject StartProjectFiles(const std::string& system, const Upload* upload, const std::string& scratch,
                                 Language lang);

}  // namespace jixiao
