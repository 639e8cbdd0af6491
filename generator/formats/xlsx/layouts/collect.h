// The data-collection workbook (数据采集表.xlsx) as both sides see it: the
// file name, the sheet names and the labels its tables are found by. In:
// nothing; out: names. render/xlsx/collect_workbook.cpp writes these labels,
// load/load_workbook.cpp finds its tables by them — never by a fixed row,
// so a workbook re-saved by another program, or with rows inserted, still
// reads.
#pragma once

namespace jixiao {

// The workbook a project folder may hold next to project.yaml.
inline constexpr const char* kCollectWorkbookName = "数据采集表.xlsx";

// Sheet names and the labels the reader finds its tables by.
namespace collect {
inline constexpr const char* kGuideSheet = "说明";
inline constexpr const char* kInfoSheet = "基本信息";
inline constexpr const char* kDataSheet = "数据";
inline constexpr const char* kFundsSheet = "资金";
inline constexpr const char* kIndicatorSheet = "指标";
inline constexpr const char* kDeductionSheet = "减分项";
inline constexpr const char* kSurveySheet = "满意度";
inline constexpr const char* kOptionsSheet = "选项";  // hidden: drop-down lists

// 基本信息: label | value.
inline constexpr const char* kInfoLabels[] = {"项目名称", "评价年度", "主管部门", "实施单位",
                                              "委托单位", "评价机构", "主评人",   "报告日期"};
// 基本信息, self-evaluation systems: 年度总体目标 (Goals).
inline constexpr const char* kGoalExpected = "年度总体目标";
inline constexpr const char* kGoalActual = "全年实际完成情况";
// 数据: the header row.
inline constexpr const char* kDataName = "名称";
inline constexpr const char* kDataValue = "数值";
inline constexpr const char* kDataUnit = "单位";
inline constexpr const char* kDataFormula = "计算公式";
inline constexpr const char* kDataUsedBy = "用于指标";
inline constexpr const char* kDataNote = "备注";
// 资金: the unit row and the first header of each table.
inline constexpr const char* kFundsUnit = "金额单位";
inline constexpr const char* kFundsSources = "资金来源";
inline constexpr const char* kFundsUses = "支出内容";
inline constexpr const char* kFundsYear = "年度";
inline constexpr const char* kFundsTotal = "合计";
// 资金, systems with a budget_rate rule: 项目资金 (Budget), one row each.
inline constexpr const char* kBudget = "项目资金";
inline constexpr const char* kBudgetTotal = "年度资金总额";
// Source rows are the Ministry's three (model/budget.h, kStandardBudgetSources).
inline constexpr const char* kBudgetColumns[] = {"年初预算数", "全年预算数", "调整后预算数", "实际到位资金",
                                                 "全年执行数"};
// 指标: the header row; item rows are keyed "<code>-<n>" (A22-2).
inline constexpr const char* kIndCode = "编码";
inline constexpr const char* kIndJudgement = "评价";
inline constexpr const char* kIndScore = "得分";
inline constexpr const char* kIndReason = "扣分原因/调整理由";
inline constexpr const char* kIndEvidence = "佐证材料";
// 指标, systems with target rules (self-evaluation).
inline constexpr const char* kIndTarget = "年度指标值";
inline constexpr const char* kIndActual = "实际完成值";
inline constexpr const char* kIndDeviation = "偏差原因及改进措施";
inline constexpr const char* kNotApplicable = "不适用";
// 减分项: the header row.
inline constexpr const char* kDedNo = "序号";
inline constexpr const char* kDedReason = "减分原因";
inline constexpr const char* kDedPoints = "扣分";
// 满意度: each block starts with a 编号 row; the next row says which kind.
inline constexpr const char* kSurveyId = "编号";
inline constexpr const char* kSurveyOptions = "选项";
inline constexpr const char* kSurveyCounts = "人数";
inline constexpr const char* kSurveyItems = "评价项目";
inline constexpr const char* kSurveyRate = "满意度（%）";
}  // namespace collect

}  // namespace jixiao
