#include "serve/job_store.h"

#include <sys/random.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <stdexcept>

#include "base/atomic_file.h"

namespace fs = std::filesystem;

namespace jixiao {

std::string RandomId() {
  unsigned char raw[16];
  std::size_t got = 0;
  while (got < sizeof raw) {
    ssize_t n = getrandom(raw + got, sizeof raw - got, 0);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) throw std::runtime_error(std::string("getrandom: ") + std::strerror(errno));
    got += static_cast<std::size_t>(n);
  }
  static const char* hex = "0123456789abcdef";
  std::string id;
  for (unsigned char c : raw) {
    id += hex[c >> 4];
    id += hex[c & 15];
  }
  return id;
}

JobStore::JobStore(const std::string& data_dir, std::chrono::minutes keep) : keep_(keep) {
  std::error_code ec;
  fs::path base = data_dir.empty() ? fs::temp_directory_path(ec) : fs::path(data_dir);
  if (ec) base = "/tmp";
  if (!data_dir.empty()) fs::create_directories(base, ec);
  std::string pattern = (base / "jixiao-serve-XXXXXX").string();
  // mkdtemp makes it 0700: only this user reads what was uploaded.
  if (!mkdtemp(pattern.data()))
    throw std::runtime_error(pattern + ": " + std::strerror(errno));
  folder_ = pattern;
  chmod(folder_.c_str(), S_IRWXU);
}

JobStore::~JobStore() { Close(); }

void JobStore::Close() {
  RemoveAll();
  std::error_code ec;
  fs::remove_all(folder_, ec);
}

std::shared_ptr<Job> JobStore::Create(const std::string& session) {
  auto job = std::make_shared<Job>();
  job->id = RandomId();
  job->session = session;
  job->dir = folder_ + "/" + job->id;
  job->last_used = std::chrono::steady_clock::now();
  if (mkdir(job->dir.c_str(), S_IRWXU) != 0)
    throw std::runtime_error(job->dir + ": " + std::strerror(errno));
  std::lock_guard<std::mutex> lock(mu_);
  jobs_[job->id] = job;
  return job;
}

std::shared_ptr<Job> JobStore::Find(const std::string& id, const std::string& session) {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = jobs_.find(id);
  if (it == jobs_.end() || it->second->session != session) return nullptr;
  it->second->last_used = std::chrono::steady_clock::now();
  return it->second;
}

std::size_t JobStore::Store(Job& job, const std::string& name, const std::string& bytes, const std::string& group) {
  StoredFile f;
  f.name = name;
  f.group = group;
  f.path = job.dir + "/" + std::to_string(job.files.size());
  f.size = bytes.size();
  WriteFileAtomic(f.path, bytes);
  job.files.push_back(std::move(f));
  return job.files.size() - 1;
}

std::size_t JobStore::Expire() {
  std::vector<std::shared_ptr<Job>> gone;
  {
    std::lock_guard<std::mutex> lock(mu_);
    const auto now = std::chrono::steady_clock::now();
    for (auto it = jobs_.begin(); it != jobs_.end();) {
      if (now - it->second->last_used > keep_) {
        gone.push_back(it->second);
        it = jobs_.erase(it);
      } else {
        ++it;
      }
    }
  }
  for (const auto& job : gone) {
    std::lock_guard<std::mutex> lock(job->mu);  // a request still writing it finishes first
    std::error_code ec;
    fs::remove_all(job->dir, ec);
  }
  return gone.size();
}

void JobStore::RemoveAll() {
  std::map<std::string, std::shared_ptr<Job>> all;
  {
    std::lock_guard<std::mutex> lock(mu_);
    all.swap(jobs_);
  }
  for (const auto& [id, job] : all) {
    std::lock_guard<std::mutex> lock(job->mu);
    std::error_code ec;
    fs::remove_all(job->dir, ec);
  }
}

std::size_t JobStore::Count() {
  std::lock_guard<std::mutex> lock(mu_);
  return jobs_.size();
}

}  // namespace jixiao
