export { DEFAULT_MEAL_SUBSIDY_RULE, mealSubsidyFor, deliveryEligible } from './meal-subsidy.ts';
export type { MealSubsidyRule, MealSubsidyDecision } from './meal-subsidy.ts';
export {
  DEFAULT_COMPLAINT_RESPONSE_WORKING_DAYS,
  COMPLAINT_STATUSES,
  responseDeadline,
  canMoveComplaint,
  isAnswered,
  isOverdue,
} from './complaint-deadline.ts';
export type { ComplaintStatus } from './complaint-deadline.ts';
export { planDeliveryRound } from './delivery-round.ts';
export type { DeliveryStop, PlannedStop } from './delivery-round.ts';
