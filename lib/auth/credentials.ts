import { z } from "zod";
import { plainText } from "@/lib/http/plain-text";

/** Shared by the sign-up action and the credentials provider: the server never trusts the form. */
export const emailSchema = z
  .string({ error: "이메일을 입력해 주세요." })
  .trim()
  .toLowerCase()
  .pipe(z.email({ error: "올바른 이메일 주소를 입력해 주세요." }));

export const PASSWORD_MIN_LENGTH = 8;

export const passwordSchema = z
  .string({ error: "비밀번호를 입력해 주세요." })
  .min(PASSWORD_MIN_LENGTH, { error: `비밀번호는 ${PASSWORD_MIN_LENGTH}자 이상이어야 합니다.` })
  .max(128, { error: "비밀번호는 128자 이하여야 합니다." });

export const signInSchema = z.object({ email: emailSchema, password: z.string().min(1).max(128) });

export const signUpSchema = z.object({
  name: plainText("이름에 쓸 수 없는 문자가 들어 있습니다.")
    .trim()
    .min(1, { error: "이름을 입력해 주세요." })
    .max(40, { error: "이름은 40자 이하여야 합니다." }),
  email: emailSchema,
  password: passwordSchema,
});
