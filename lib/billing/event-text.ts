import type { RuleEventType } from "./rule-events";

/** How a rule's timeline names its events, for the user's and the admin's screens. */
export const RULE_EVENT_TITLES: Record<RuleEventType, string> = {
  created: "자동 충전 설정 (동의)",
  stopped: "자동 충전 해지",
  paused: "자동 충전 일시 중지",
  resumed: "자동 충전 재개",
  attempt: "자동 충전 결제 시도",
  succeeded: "자동 충전 성공",
  failed: "자동 충전 실패",
  retry_scheduled: "재시도 예약",
  skipped_limit: "월 한도 도달로 건너뜀",
};

export const ruleEventTitle = (type: string): string => RULE_EVENT_TITLES[type as RuleEventType] ?? type;
