// The self-evaluation's project data beyond the indicators: 项目资金 (the
// budget block of the 自评表: 年初预算数, 全年预算数, 全年执行数 for the
// annual total and each source), 年度总体目标 (预期目标 and 实际完成情况),
// and further data tables a report reproduces with their totals checked
// (资金分配表, 结算表). Read by load_self_evaluation.cpp from project.yaml or
// by load_self_form.cpp from a filled 自评表.xlsx.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/decimal.h"
#include "base/diagnostics.h"
#include "model/indicator.h"

namespace jixiao {

// The Ministry's three sources of a project's funds (项目资金, 财预〔2020〕10号),
// in the order its 自评表 lists them; the 数据采集表 offers the same rows.
inline constexpr const char* kStandardBudgetSources[] = {"当年财政拨款", "上年结转资金", "其他资金"};

struct BudgetRow {
  std::string name;  // 年度资金总额; 当年财政拨款, 上年结转资金, 其他资金
  std::optional<Decimal> initial;    // 年初预算数
  std::optional<Decimal> full_year;  // 全年预算数
  std::optional<Decimal> adjusted;   // 调整后预算数
  std::optional<Decimal> received;   // 实际到位资金
  std::optional<Decimal> executed;   // 全年执行数
  SourceLoc loc;
};

struct Budget {
  bool present = false;
  std::string unit = "万元";
  BudgetRow total;                 // 年度资金总额
  std::vector<BudgetRow> sources;  // 其中：…
  SourceLoc loc;
};

// The base of the 预算执行率 the system's options name, in one place: the
// rule, the 自评表 and the report all divide by this figure of a row.
inline std::optional<Decimal> BudgetBaseAmount(const BudgetRow& row,
                                               SelfEvaluationOptions::BudgetBase b) {
  switch (b) {
    case SelfEvaluationOptions::BudgetBase::kFullYear: return row.full_year;
    case SelfEvaluationOptions::BudgetBase::kAdjusted: return row.adjusted;
    case SelfEvaluationOptions::BudgetBase::kReceived: return row.received;
  }
  return std::nullopt;
}

// 全年预算数 / 调整后预算数 / 实际到位资金, and the project.yaml key of each.
inline const char* BudgetBaseName(SelfEvaluationOptions::BudgetBase b) {
  switch (b) {
    case SelfEvaluationOptions::BudgetBase::kFullYear: return "全年预算数";
    case SelfEvaluationOptions::BudgetBase::kAdjusted: return "调整后预算数";
    case SelfEvaluationOptions::BudgetBase::kReceived: return "实际到位资金";
  }
  return "";
}
inline const char* BudgetBaseKey(SelfEvaluationOptions::BudgetBase b) {
  switch (b) {
    case SelfEvaluationOptions::BudgetBase::kFullYear: return "full_year";
    case SelfEvaluationOptions::BudgetBase::kAdjusted: return "adjusted";
    case SelfEvaluationOptions::BudgetBase::kReceived: return "received";
  }
  return "";
}

struct Goals {
  std::string expected;  // 年度总体目标: 预期目标
  std::string actual;    // 实际完成情况
};

struct DataRow {
  std::string label;
  std::vector<std::string> cells;             // as written, one per column after the label
  std::vector<std::optional<Decimal>> values;  // the numbers among them
  SourceLoc loc;
};

// A table reproduced in the report, e.g. 001's district allocation: the
// stated total row must equal the column sums, and a 小计/合计 column the
// sum of the row's other numbers.
struct DataTable {
  std::string title;
  std::string unit;
  std::vector<std::string> columns;  // the first is the label column
  std::vector<DataRow> rows;
  std::optional<DataRow> total;
  SourceLoc loc;
};

}  // namespace jixiao
