#include "base/atomic_file.h"

#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>

#include "base/messages.h"

namespace fs = std::filesystem;

namespace jixiao {
namespace {

std::string TempName(const fs::path& p) {
  return (p.parent_path() / ("." + p.filename().string() + ".tmp" + std::to_string(getpid()))).string();
}

// Flushes a file or folder to the disk; false when it cannot be opened or synced.
bool SyncPath(const std::string& path, bool folder) {
  int fd = ::open(path.c_str(), (folder ? O_RDONLY | O_DIRECTORY : O_RDONLY) | O_CLOEXEC);
  if (fd < 0) return false;
  // A file's data (and its size) is what a reader needs; its times are not.
  bool ok = (folder ? ::fsync(fd) : ::fdatasync(fd)) == 0 || errno == EINVAL;  // EINVAL: cannot sync (need not)
  ::close(fd);
  return ok;
}

// Open PendingFolders of this thread: a file committed inside one is
// flushed with the whole set at its Commit (one syncfs), not on its own.
thread_local int t_open_folders = 0;

// Set before a batch forks its workers: read by each PendingFolder::Commit.
std::atomic<SetSync> g_set_sync{SetSync::kEach};

// Flushes everything written to the filesystem holding `path` (its files'
// data and the folder entries): one call for a whole output set.
bool SyncFilesystem(const std::string& path) {
  int fd = ::open(path.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return false;
  bool ok = ::syncfs(fd) == 0;
  ::close(fd);
  return ok;
}

// A set's flush before it is put in place, unless deferred to the run's end.
bool SyncSet(const std::string& scratch) {
  return g_set_sync.load(std::memory_order_relaxed) == SetSync::kDeferred || SyncFilesystem(scratch);
}

std::string ParentOf(const std::string& path) {
  fs::path parent = fs::path(path).parent_path();
  return parent.empty() ? std::string(".") : parent.string();
}

// The pid in a temporary's name `.<name>.tmp<pid>`, or 0.
pid_t TemporaryPid(const std::string& name) {
  if (name.empty() || name[0] != '.') return 0;
  size_t at = name.rfind(".tmp");
  if (at == std::string::npos || at == 0 || at + 4 == name.size()) return 0;
  pid_t pid = 0;
  for (size_t i = at + 4; i < name.size(); ++i) {
    if (name[i] < '0' || name[i] > '9') return 0;
    pid = pid * 10 + (name[i] - '0');
    if (pid > 1 << 30) return 0;
  }
  return pid;
}

}  // namespace

PendingFile::PendingFile(std::string path) : path_(std::move(path)) { temp_ = TempName(path_); }

PendingFile::~PendingFile() {
  if (!committed_) std::remove(temp_.c_str());
}

void PendingFile::Commit() {
  if (t_open_folders == 0 && !SyncPath(temp_, false)) {
    std::string why = std::strerror(errno);
    std::remove(temp_.c_str());
    Fail(SourceLoc{path_}, "", msg::kCannotWrite, why);
  }
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

void SetSetSync(SetSync mode) { g_set_sync.store(mode); }

SetSync CurrentSetSync() { return g_set_sync.load(); }

bool SyncFolderFilesystem(const std::string& folder) { return SyncFilesystem(folder); }

void RemoveStaleTemporaries(const std::string& folder, const std::string& of) {
  std::error_code ec;
  const std::string prefix = of.empty() ? "" : "." + of + ".tmp";
  for (fs::directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec)) {
    const std::string name = it->path().filename().string();
    if (!prefix.empty() && name.compare(0, prefix.size(), prefix) != 0) continue;
    pid_t pid = TemporaryPid(name);
    if (pid <= 0 || pid == getpid()) continue;
    if (::kill(pid, 0) == 0 || errno == EPERM) continue;  // that run is still going
    std::error_code rm;
    fs::remove_all(it->path(), rm);
  }
}

PendingFolder::PendingFolder(std::string dir) : dir_(std::move(dir)) {
  fs::path d = fs::path(dir_).lexically_normal();
  if (d.filename().empty()) d = d.parent_path();  // "out/x/" → "out/x"
  dir_ = d.string();
  const std::string parent = ParentOf(dir_);
  std::error_code ec;
  fs::create_directories(parent, ec);
  if (ec) Fail(SourceLoc{dir_}, "", msg::kCannotWrite, ec.message());
  // Beside the folder only its own scratch (the parent may be anyone's
  // folder); inside it, any temporary of jixiao's.
  RemoveStaleTemporaries(parent, d.filename().string());
  if (fs::is_directory(dir_, ec)) RemoveStaleTemporaries(dir_);
  scratch_ = TempName(d);
  fs::remove_all(scratch_, ec);  // this process's own, left by an earlier failure
  if (::mkdir(scratch_.c_str(), 0777) != 0) Fail(SourceLoc{dir_}, "", msg::kCannotWrite, std::strerror(errno));
  ++t_open_folders;
}

PendingFolder::~PendingFolder() {
  --t_open_folders;
  if (committed_) return;
  std::error_code ec;
  fs::remove_all(scratch_, ec);
}

void PendingFolder::Commit() {
  std::error_code ec;
  struct stat st;
  const bool exists = ::lstat(dir_.c_str(), &st) == 0;
  if (exists && !S_ISDIR(st.st_mode)) Fail(SourceLoc{dir_}, "", msg::kCannotWrite, "not a folder");
  // The set's data and entries on the disk before it is put in place: after
  // a crash the folder holds either the old set or the whole new one.
  if (!exists) {
    if (!SyncSet(scratch_) || std::rename(scratch_.c_str(), dir_.c_str()) != 0)
      Fail(SourceLoc{dir_}, "", msg::kCannotWrite, std::strerror(errno));
  } else {
    // The files of the old folder that the new set does not replace stay:
    // linked into the new one before the two are exchanged.
    for (fs::directory_iterator it(dir_, ec), end; !ec && it != end; it.increment(ec)) {
      const fs::path name = it->path().filename();
      if (TemporaryPid(name.string()) > 0) continue;
      fs::path target = fs::path(scratch_) / name;
      if (fs::exists(fs::symlink_status(target))) continue;
      std::error_code link_ec;
      if (it->is_regular_file(link_ec) && !it->is_symlink(link_ec)) {
        fs::create_hard_link(it->path(), target, link_ec);
        if (link_ec) fs::copy_file(it->path(), target, link_ec);
      } else {
        fs::copy(it->path(), target, fs::copy_options::recursive | fs::copy_options::copy_symlinks, link_ec);
      }
    }
    if (!SyncSet(scratch_)) Fail(SourceLoc{dir_}, "", msg::kCannotWrite, std::strerror(errno));
#ifdef RENAME_EXCHANGE
    if (::renameat2(AT_FDCWD, scratch_.c_str(), AT_FDCWD, dir_.c_str(), RENAME_EXCHANGE) == 0) {
      committed_ = true;
      fs::remove_all(scratch_, ec);  // now the old folder
      return;
    }
#endif
    // No exchange on this filesystem: each file renamed into place, one by one.
    fs::create_directories(dir_, ec);
    for (fs::directory_iterator it(scratch_, ec), end; !ec && it != end; it.increment(ec)) {
      if (!it->is_regular_file(ec)) continue;
      const fs::path target = fs::path(dir_) / it->path().filename();
      if (std::rename(it->path().c_str(), target.c_str()) != 0)
        Fail(SourceLoc{target.string()}, "", msg::kCannotWrite, std::strerror(errno));
    }
    if (g_set_sync.load() == SetSync::kEach) SyncPath(dir_, true);
    fs::remove_all(scratch_, ec);
  }
  committed_ = true;
  // The rename itself is not flushed here: until the next sync (the next
  // set's, or the system's own writeback) a crash leaves the previous set,
  // which is whole too. One sync per set instead of two: see performance.md.
  // Deferred (SetSync::kDeferred): neither is flushed until the caller's syncfs.
}

}  // namespace jixiao
