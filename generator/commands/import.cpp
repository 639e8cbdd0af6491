#include "commands/import.h"

#include <filesystem>

#include "base/atomic_file.h"
#include "base/messages.h"
#include "load/load.h"

namespace fs = std::filesystem;

namespace jixiao {

ImportOutcome RunImport(const ImportRequest& request) {
  ImportOutcome out;
  out.language = request.language;
  CatchInputError(out, [&] {
    std::error_code ec;
    if (fs::exists(request.out, ec)) {
      // An upload is no file on disk, so the output cannot be it.
      if (!request.bytes && fs::equivalent(request.out, request.workbook, ec))
        Fail(SourceLoc{request.out}, "", msg::kImportOutputIsInput);
      if (!request.options.force) Fail(SourceLoc{request.out}, "", msg::kImportOutputExists);
    }
    out.imported = ReadScoringSheet(request.workbook, request.options, request.bytes.get());
    WriteFileAtomic(request.out, EmitSystemYaml(*out.imported));
    out.files.push_back(OutputFile{request.out, ""});
    LoadSystem(request.out);  // what was written must load; errors name its lines
    out.summary = RenderImportSummary(*out.imported, request.out, request.language);
  });
  return out;
}

}  // namespace jixiao
