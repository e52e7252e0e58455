import { describe, expect, it } from "vitest";
import { notFound, recordIdFromAddress } from "./http-errors";

async function thrownBy(run: () => unknown): Promise<unknown> {
  try {
    run();
  } catch (thrown) {
    return thrown;
  }
  throw new Error("nothing was thrown");
}

describe("recordIdFromAddress", () => {
  it("gives the id of a well-formed address segment", () => {
    expect(recordIdFromAddress("42")).toBe(42);
    expect(recordIdFromAddress("2147483647")).toBe(2_147_483_647);
  });

  it.each([undefined, "", "0", "042", "-1", "1e3", "4.2", "abc", "2147483648", "99999999999999999999"])(
    "throws a 404 response for %j",
    async (param) => {
      const thrown = await thrownBy(() => recordIdFromAddress(param));
      expect(thrown).toBeInstanceOf(Response);
      expect((thrown as Response).status).toBe(404);
    },
  );
});

describe("notFound", () => {
  it("is a 404 response", async () => {
    const response = notFound();
    expect(response.status).toBe(404);
    expect(await response.text()).toBe("Not found");
  });
});
