#include "base/atomic_file.h"

#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>

#include "base/messages.h"

namespace jixiao {

PendingFile::PendingFile(std::string path) : path_(std::move(path)) {
  std::filesystem::path p(path_);
  temp_ = (p.parent_path() / ("." + p.filename().string() + ".tmp" + std::to_string(getpid())))
              .string();
}

PendingFile::~PendingFile() {
  if (!committed_) std::remove(temp_.c_str());
}

void PendingFile::Commit() {
  if (std::rename(temp_.c_str(), path_.c_str()) != 0) {
    std::string why = std::strerror(errno);
    std::remove(temp_.c_str());
    Fail(SourceLoc{path_}, "", msg::kCannotWrite, why);
  }
  committed_ = true;
}

void WriteFileAtomic(const std::string& path, const std::string& content) {
  PendingFile pending(path);
  {
    std::ofstream out(pending.temp_path(), std::ios::binary | std::ios::trunc);
    if (!out) Fail(SourceLoc{path}, "", msg::kCannotWrite, std::strerror(errno));
    out << content;
    out.flush();
    if (!out) Fail(SourceLoc{path}, "", msg::kCannotWrite, std::strerror(errno));
  }
  pending.Commit();
}

}  // namespace jixiao
