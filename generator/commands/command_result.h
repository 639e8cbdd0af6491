// What every command gives back besides its own figures: its exit status,
// the diagnostics of an input it refused, and the files it wrote (or, when
// asked not to write, their bytes). Commands do not throw on bad input: an
// InputError becomes `diagnostics` and ExitCode::kInput.
#pragma once

#include <functional>
#include <memory>
#include <new>
#include <string>
#include <vector>

#include "base/decimal.h"
#include "base/diagnostics.h"
#include "base/input_files.h"
#include "base/messages.h"
#include "commands/exit_code.h"

namespace jixiao {

// A file a command wrote, or would have written: `bytes` is filled only
// when the command was asked to keep the files in memory.
struct OutputFile {
  std::string path;
  std::string bytes;
};

struct CommandResult {
  ExitCode exit = ExitCode::kOk;
  Diagnostics diagnostics;        // why an input was refused (exit kInput)
  std::vector<OutputFile> files;  // in the order written
  Language language = Language::kChinese;  // of the call, for the texts below
  std::shared_ptr<const InputFiles> inputs;  // a project given in memory: the source lines of its diagnostics

  bool Refused() const { return exit == ExitCode::kInput; }
  // Every diagnostic as printed, then "共 N 个错误。" / "N error(s).".
  std::string DiagnosticsText() const;
};

// Runs `body`; an InputError it throws is kept in `result` (exit kInput).
// So is running out of memory (std::bad_alloc, GMP's allocation failure:
// base/decimal.cpp) and an exact value past its limit where no stage
// located it: an error at `input` (the file or folder the command was
// given), not an abort.
template <typename Body>
void CatchInputError(CommandResult& result, Body&& body, const std::string& input = "") {
  try {
    body();
  } catch (const InputError& e) {
    result.exit = ExitCode::kInput;
    result.diagnostics.Append(e.diagnostics());
  } catch (const std::bad_alloc& e) {
    result.exit = ExitCode::kInput;
    result.diagnostics.Error(SourceLoc{input}, "", msg::kOutOfMemory, e.what());
  } catch (const DecimalLimitError&) {
    result.exit = ExitCode::kInput;
    result.diagnostics.Error(SourceLoc{input}, "", msg::kValueTooLarge, kMaxExactDigits);
  }
}

// Files `write` puts into a folder, read back and the folder removed: for
// writers that can only write files (libxlsxwriter), when the caller wants
// bytes. `write` returns the paths it wrote; each OutputFile is named
// `dir` / that file's name.
std::vector<OutputFile> KeepInMemory(const std::string& dir,
                                     const std::function<std::vector<std::string>(const std::string&)>& write);

}  // namespace jixiao
