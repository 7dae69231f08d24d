"use client";

import { useEffect } from "react";
import { takeLeftForPortOne } from "../left-for-portone";

/** PortOne sent the buyer back here: the charge page must not treat the attempt as backed out of. */
export function ForgetLeftForPortOne() {
  useEffect(() => void takeLeftForPortOne(), []);
  return null;
}
