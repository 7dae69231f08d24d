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
  IssueBillingKeyResponse,
} from "@portone/server-sdk/payment/billingKey";
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
  GetPaymentErrorBody: GetPaymentError["data"];
  PreRegisterPaymentErrorBody: PreRegisterPaymentError["data"];
  CancelPaymentErrorBody: CancelPaymentError["data"];
  CloseVirtualAccountErrorBody: CloseVirtualAccountError["data"];
  ResendWebhookErrorBody: ResendWebhookError["data"];
  GetBillingKeyInfoErrorBody: GetBillingKeyInfoError["data"];
  DeleteBillingKeyErrorBody: DeleteBillingKeyError["data"];
  GetCashReceiptErrorBody: GetCashReceiptError["data"];
}
