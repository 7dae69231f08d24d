import { LegalPage, legalMetadata } from "../_components/legal-page";

export const generateMetadata = () => legalMetadata("refund");

export default function RefundPolicyPage() {
  return <LegalPage id="refund" />;
}
