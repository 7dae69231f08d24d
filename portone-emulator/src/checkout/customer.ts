import type { Customer } from "@portone/server-sdk/common";

type BrowserCustomer = Record<string, unknown>;

const text = (value: unknown) => (typeof value === "string" && value !== "" ? value : undefined);

/** Browser SDK customer (customerId, fullName, …) → REST Customer (id, name, …). */
export function toCustomer(input: unknown): Customer {
  if (!input || typeof input !== "object") return {};
  const customer = input as BrowserCustomer;
  const fullName =
    text(customer.fullName) ??
    ([text(customer.lastName), text(customer.firstName)].filter(Boolean).join(" ") || undefined);
  const gender = text(customer.gender)?.replace(/^GENDER_/, "");
  const address = customer.address as BrowserCustomer | undefined;
  const line1 = text(address?.addressLine1);
  const line2 = text(address?.addressLine2);
  return {
    id: text(customer.customerId),
    name: fullName,
    email: text(customer.email),
    phoneNumber: text(customer.phoneNumber),
    birthYear: text(customer.birthYear),
    birthMonth: text(customer.birthMonth),
    birthDay: text(customer.birthDay),
    gender: gender === "MALE" || gender === "FEMALE" || gender === "OTHER" ? gender : undefined,
    zipcode: text(customer.zipcode),
    address:
      line1 !== undefined
        ? {
            type: "SEPARATED",
            oneLine: [line1, line2].filter(Boolean).join(" "),
            addressLine1: line1,
            addressLine2: line2 ?? "",
          }
        : undefined,
  };
}
