// A project's collected data: who and what was evaluated, named values,
// derived metrics, per-indicator answers (checklist points, manual scores,
// tiers), surveys and deductions. Loaded by load_project.cpp together with
// the indicator system it names; read-only after that.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "base/precision.h"
#include "model/budget.h"
#include "base/decimal.h"
#include "base/diagnostics.h"
#include "base/input_files.h"
#include "formula/formula.h"
#include "model/indicator.h"
#include "model/stated.h"

namespace jixiao {

struct NamedValue {
  std::string name;
  Decimal value;
  bool percent = false;  // written as a percentage: display as one
  SourceLoc loc;
};

// The longest chain of metrics each reading the next (a = b + 1, b = c + 1,
// …): scoring resolves a metric by first resolving those it reads.
inline constexpr size_t kMaxMetricChain = 100;

struct Metric {
  std::string name;
  Formula formula;
  bool percent = false;
  int places = kMetricDefaultPlaces;  // displayed precision: of a percent when percent, else plain
  SourceLoc loc;
};

// What an answer says of one 要点 of a points rule (rules/kinds/points.h),
// numbered from 1 as the 评分标准 numbers them (①②③).
struct PointAnswer {
  int number = 0;
  std::optional<bool> met;            // a met/not-met point
  std::optional<Decimal> failures;    // a per-failure point: how many failed
  std::optional<Decimal> score;       // the evaluator's score of the point, in 分 (a manual
                                      // point, or a partial deduction on any point)
  std::string reason;                 // why, when the score is below the point's share
  // 不具备评价条件 this year: "full" (the point's share given) or "rescale"
  // (its share spread over the other points); "" when assessed.
  std::string not_assessable;
  SourceLoc loc;
};

struct Answer {
  std::string code;
  SourceLoc loc;
  std::optional<std::vector<int>> unmet;  // 1-based checklist items not met
  std::optional<bool> met;
  std::optional<Decimal> score;
  SourceLoc score_loc;
  std::string tier;
  std::string reason;  // the evaluator's 扣分原因
  std::string evidence;  // 佐证材料 from the workbook (else text/指标/<code>.md)
  // Self-evaluation (rule kind target): the 年度指标值 and 实际完成值 as
  // written, last year's value for "不低于上年", the 偏差原因分析及改进措施,
  // 不适用 (left out, the rest rescaled), and the 得分 a filled 自评表 states.
  std::string target, actual, baseline, deviation_reason;
  SourceLoc target_loc, actual_loc;
  bool not_applicable = false;
  std::optional<Decimal> stated_score;
  // A points rule: what each 要点 scored (only the ones that differ from
  // met need be given), and how many objects fell short ("每发现一家…扣10%").
  std::vector<PointAnswer> points;
  std::optional<Decimal> objects;
  SourceLoc objects_loc;
  // 不具备评价条件 (暂不扣分): "full" gives the weight, "rescale" leaves the
  // indicator out and spreads its weight over the others (as 不适用); "" when
  // assessed. Needs a reason.
  std::string not_assessable;
};

struct Survey {
  std::string id;     // Q1: the name prefix in formulas (Q1.熟悉, Q1.合计)
  std::string title;
  std::vector<std::string> options;
  std::vector<Decimal> counts;
  // Rated items (满意度): item name → rate. Exposes <id>.平均.
  std::vector<std::pair<std::string, Decimal>> items;
  SourceLoc loc;
};

struct Deduction {
  std::string reason;
  Decimal points;
  SourceLoc loc;
};

// A row of a fund table (资金来源, 资金使用): 万元 or 元 as the table says.
struct FundRow {
  std::string name;
  Decimal amount;
  std::string note;  // "3297 人次"
  SourceLoc loc;
};

// One year of a fund's balance (000 表5): 年初 + 收入 − 支出 = 年末.
struct FundYear {
  std::string year;
  Decimal opening, income, spending, closing;
  SourceLoc loc;
};

struct Funds {
  std::string unit = "万元";
  std::vector<FundRow> sources;  // where the money came from
  std::vector<FundRow> uses;     // what it was spent on
  std::vector<FundYear> balances;
  bool Empty() const { return sources.empty() && uses.empty() && balances.empty(); }
};

// A comment from the evaluated unit on the draft, and the firm's answer
// (财监〔2021〕4号: 采纳 / 不予采纳 and why).
struct Comment {
  std::string from;      // who commented
  std::string comment;   // what they said
  std::string response;  // 采纳, 部分采纳 or 不予采纳
  std::string reason;    // why
  SourceLoc loc;
};

struct ProjectInfo {
  std::string name;            // 项目名称
  std::string year;            // 评价年度
  std::string department;      // 主管部门
  std::string implementer;     // 实施单位
  std::string commissioner;    // 委托单位
  std::string evaluator;       // 评价机构
  std::string lead_evaluator;  // 主评人
  std::string date;            // 报告日期
};

struct Project {
  std::string dir;   // the project folder
  std::string file;  // its project.yaml
  // The workbooks its data was read from besides `file` (数据采集表.xlsx,
  // `workbook:`), as the archive hashes its inputs (archive/archive_run.h).
  std::vector<std::string> workbooks;
  std::string text_dir;  // the narrative fragments: <dir>/text unless project.yaml names another
  // Where the project's files are read from (its fragments, by a report):
  // the disk unless they were given in memory.
  std::shared_ptr<const InputFiles> files;
  const InputFiles& Files() const { return files ? *files : DiskFiles(); }
  ProjectInfo info;
  std::shared_ptr<const IndicatorSystem> system;
  std::vector<NamedValue> values;
  std::vector<Metric> metrics;
  std::map<std::string, Answer> answers;
  std::vector<Survey> surveys;
  std::vector<Deduction> deductions;
  Funds funds;
  std::vector<Comment> comments;
  Stated stated;  // what a submitted document says, for `check`
  // Loaded for `check`: a missing 偏差原因 is a finding to report, not an
  // input error that stops the run (self_evaluation.cpp, check.cpp).
  bool review = false;
  Budget budget;                  // 项目资金 (self-evaluation)
  Goals goals;                    // 年度总体目标 (self-evaluation)
  std::vector<DataTable> tables;  // further tables with checked totals
};

}  // namespace jixiao
