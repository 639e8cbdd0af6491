// Where `jixiao serve` keeps what it is sent and what it makes: a private
// folder (mode 0700) created at start under --data (else the system's
// temporary folder), with one folder per job named by a random id. Each
// output is stored under its number in the job, never under a name a
// client chose; the name is kept only to be shown and sent back. A job
// belongs to the browser session that made it, expires `keep` after its
// last use and is deleted with its files; at shutdown the whole folder is.
#pragma once

#include <chrono>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "base/messages.h"
#include "model/batch_summary.h"

namespace jixiao {

// A random id: 32 hex digits from the kernel's generator.
std::string RandomId();

struct StoredFile {
  std::string name;   // shown and sent as the download's name
  std::string path;   // <job folder>/<number>
  std::string group;  // the folder it goes in, in the .zip of all outputs ("1-某局自评表")
  std::uint64_t size = 0;
};

struct Job {
  std::string id, session, dir;
  std::mutex mu;                     // guards what follows
  std::vector<StoredFile> files;     // every output, by number
  std::vector<std::string> results;  // each upload's JSON, in the order received
  BatchSummary summary;              // each upload's row, for 汇总.xlsx
  std::chrono::steady_clock::time_point last_used;
};

class JobStore {
 public:
  // Creates the private folder; throws std::runtime_error saying why not.
  JobStore(const std::string& data_dir, std::chrono::minutes keep);
  ~JobStore();  // Close
  JobStore(const JobStore&) = delete;
  JobStore& operator=(const JobStore&) = delete;

  const std::string& Folder() const { return folder_; }
  std::chrono::minutes Keep() const { return keep_; }

  std::shared_ptr<Job> Create(const std::string& session);
  // The job with this id if it belongs to `session` (and is kept); else null.
  std::shared_ptr<Job> Find(const std::string& id, const std::string& session);
  // Writes `bytes` whole (atomic_file.h) as the job's next file; its number.
  // The caller holds job.mu.
  std::size_t Store(Job& job, const std::string& name, const std::string& bytes, const std::string& group = "");
  // Deletes the jobs unused for longer than `keep`; how many.
  std::size_t Expire();
  void RemoveAll();
  // Every job and the private folder itself: at shutdown.
  void Close();
  std::size_t Count();

 private:
  std::string folder_;
  std::chrono::minutes keep_;
  std::mutex mu_;
  std::map<std::string, std::shared_ptr<Job>> jobs_;
};

}  // namespace jixiao
