// The shapes PortOne's API answers with, named from the official server SDK's own types: the
// conformance test turns each into a JSON schema (nothing is copied from PortOne's docs).
import type { LoginViaApiSecretResponse, RefreshTokenResponse } from "@portone/server-sdk/auth";
import type {
  CancelPaymentError,
  CancelPaymentResponse,
  CloseVirtualAccountError,
  CloseVirtualAccountResponse,
  GetAllPaymentsByCursorResponse,
  GetPaymentError,
  GetPaymentsResponse,
  Payment,
  PayWithBillingKeyError,
  PayWithBillingKeyResponse,
  PreRegisterPaymentError,
  PreRegisterPaymentResponse,
  ResendWebhookError,
  ResendWebhookResponse,
} from "@portone/server-sdk/payment";
import type {
  BillingKeyInfo,
  DeleteBillingKeyError,
  DeleteBillingKeyResponse,
  GetBillingKeyInfoError,
  IssueBillingKeyError,
  IssueBillingKeyResponse,
} from "@portone/server-sdk/payment/billingKey";
import type {
  CreatePaymentScheduleError,
  CreatePaymentScheduleResponse,
  GetPaymentScheduleError,
  GetPaymentSchedulesError,
  GetPaymentSchedulesResponse,
  PaymentSchedule,
  RevokePaymentSchedulesError,
  RevokePaymentSchedulesResponse,
} from "@portone/server-sdk/payment/paymentSchedule";
import type { CashReceipt, GetCashReceiptError } from "@portone/server-sdk/payment/cashReceipt";

export interface PortOneAnswers {
  LoginViaApiSecretResponse: LoginViaApiSecretResponse;
  RefreshTokenResponse: RefreshTokenResponse;
  Payment: Payment;
  GetPaymentsResponse: GetPaymentsResponse;
  GetAllPaymentsByCursorResponse: GetAllPaymentsByCursorResponse;
  PreRegisterPaymentResponse: PreRegisterPaymentResponse;
  CancelPaymentResponse: CancelPaymentResponse;
  CloseVirtualAccountResponse: CloseVirtualAccountResponse;
  ResendWebhookResponse: ResendWebhookResponse;
  PayWithBillingKeyResponse: PayWithBillingKeyResponse;
  IssueBillingKeyResponse: IssueBillingKeyResponse;
  BillingKeyInfo: BillingKeyInfo;
  DeleteBillingKeyResponse: DeleteBillingKeyResponse;
  CashReceipt: CashReceipt;
  CreatePaymentScheduleResponse: CreatePaymentScheduleResponse;
  PaymentSchedule: PaymentSchedule;
  GetPaymentSchedulesResponse: GetPaymentSchedulesResponse;
  RevokePaymentSchedulesResponse: RevokePaymentSchedulesResponse;
  GetPaymentErrorBody: GetPaymentError["data"];
  PreRegisterPaymentErrorBody: PreRegisterPaymentError["data"];
  CancelPaymentErrorBody: CancelPaymentError["data"];
  CloseVirtualAccountErrorBody: CloseVirtualAccountError["data"];
  ResendWebhookErrorBody: ResendWebhookError["data"];
  GetBillingKeyInfoErrorBody: GetBillingKeyInfoError["data"];
  DeleteBillingKeyErrorBody: DeleteBillingKeyError["data"];
  GetCashReceiptErrorBody: GetCashReceiptError["data"];
  PayWithBillingKeyErrorBody: PayWithBillingKeyError["data"];
  IssueBillingKeyErrorBody: IssueBillingKeyError["data"];
  CreatePaymentScheduleErrorBody: CreatePaymentScheduleError["data"];
  GetPaymentScheduleErrorBody: GetPaymentScheduleError["data"];
  GetPaymentSchedulesErrorBody: GetPaymentSchedulesError["data"];
  RevokePaymentSchedulesErrorBody: RevokePaymentSchedulesError["data"];
}
