#include "base/read_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>

#include "base/messages.h"

namespace jixiao {
namespace {

std::optional<std::string> KindOf(mode_t mode) {
  if (S_ISREG(mode) || S_ISDIR(mode)) return std::nullopt;
  if (S_ISFIFO(mode)) return "FIFO";
  if (S_ISCHR(mode)) return "character device";
  if (S_ISBLK(mode)) return "block device";
  if (S_ISSOCK(mode)) return "socket";
  return "special file";
}

struct Closer {
  int fd;
  ~Closer() { ::close(fd); }
};

}  // namespace

std::optional<std::string> NonRegularKind(const std::string& path) {
  struct stat st;
  if (::stat(path.c_str(), &st) != 0) return std::nullopt;
  return KindOf(st.st_mode);
}

std::optional<std::string> ReadFileBytes(const std::string& path) {
  // O_NONBLOCK: opening a FIFO returns at once instead of waiting for a
  // writer; fstat then refuses it. A regular file ignores the flag.
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY);
  if (fd < 0) {
    // A socket cannot be opened at all (ENXIO): say what it is.
    if (auto kind = NonRegularKind(path)) Fail(SourceLoc{path}, "", msg::kNotRegularFile, *kind);
    return std::nullopt;
  }
  Closer closer{fd};
  struct stat st;
  if (::fstat(fd, &st) != 0 || S_ISDIR(st.st_mode)) return std::nullopt;
  if (auto kind = KindOf(st.st_mode)) Fail(SourceLoc{path}, "", msg::kNotRegularFile, *kind);
  if (static_cast<unsigned long long>(st.st_size) > kMaxInputFileBytes)
    Fail(SourceLoc{path}, "", msg::kInputTooLarge, st.st_size, kMaxInputFileBytes);
  std::string out;
  // Read to the size fstat gave, with no extra read to find the end; a
  // file that says 0 (/proc) is read in steps, never past the limit.
  const bool sized = st.st_size > 0;
  out.resize(sized ? static_cast<size_t>(st.st_size) : 4096);
  size_t used = 0;
  for (;;) {
    if (used == out.size()) {
      if (sized) break;
      if (out.size() > kMaxInputFileBytes)
        Fail(SourceLoc{path}, "", msg::kInputTooLarge, out.size(), kMaxInputFileBytes);
      out.resize(out.size() * 2);
    }
    ssize_t n = ::read(fd, &out[used], out.size() - used);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return std::nullopt;
    if (n == 0) break;
    used += static_cast<size_t>(n);
  }
  out.resize(used);
  return out;
}

}  // namespace jixiao
