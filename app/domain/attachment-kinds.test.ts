import { describe, expect, it } from "vitest";
import { ATTACHMENT_ACCEPT, cleanFileName, contentDisposition, formatFileSize, kindOfContentType, kindOfDetectedContent } from "./attachment-kinds";

const pdf = kindOfContentType("application/pdf")!;
const png = kindOfContentType("image/png")!;

function utf16le(text: string): number[] {
  return [...text].flatMap((character) => [character.charCodeAt(0), 0]);
}

describe("kindOfDetectedContent", () => {
  it("maps what content sniffing found to an accepted kind, and nothing else", () => {
    const bytes = new Uint8Array([1, 2, 3]);
    expect(kindOfDetectedContent("application/pdf", bytes)?.id).toBe("pdf");
    expect(kindOfDetectedContent("image/jpeg", bytes)?.id).toBe("jpeg");
    expect(kindOfDetectedContent("application/x-msdownload", bytes)).toBeNull();
    expect(kindOfDetectedContent("application/zip", bytes)).toBeNull();
    expect(kindOfDetectedContent(undefined, bytes)).toBeNull();
  });

  it("tells legacy Word from Excel by the compound file's stream names", () => {
    const header = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
    expect(kindOfDetectedContent("application/x-cfb", new Uint8Array([...header, ...utf16le("WordDocument")]))?.id).toBe("doc");
    expect(kindOfDetectedContent("application/x-cfb", new Uint8Array([...header, ...utf16le("Workbook")]))?.id).toBe("xls");
    expect(kindOfDetectedContent("application/x-cfb", new Uint8Array([...header, ...utf16le("SummaryInformation")]))).toBeNull();
  });

  it("lists every accepted extension for the file input", () => {
    expect(ATTACHMENT_ACCEPT.split(",")).toEqual(expect.arrayContaining([".pdf", ".png", ".jpg", ".docx", ".xls", ".odt"]));
  });
});

describe("cleanFileName", () => {
  it("keeps a Thai name and its matching extension", () => {
    expect(cleanFileName("รายงานการประชุม ครั้งที่ 3.pdf", pdf)).toBe("รายงานการประชุม ครั้งที่ 3.pdf");
    expect(cleanFileName("photo.PNG", png)).toBe("photo.png");
  });
  it("gives the content's extension to a file whose name says otherwise", () => {
    expect(cleanFileName("scan.png", pdf)).toBe("scan.pdf");
    expect(cleanFileName("แบบฟอร์ม v1.5", pdf)).toBe("แบบฟอร์ม v1.5.pdf");
    expect(cleanFileName("", pdf)).toBe("file.pdf");
  });
  it("drops paths, control and bidi characters, and bounds the length", () => {
    expect(cleanFileName("C:\\Users\\a\\evil.pdf", pdf)).toBe("evil.pdf");
    expect(cleanFileName("../../etc/passwd", pdf)).toBe("passwd.pdf");
    expect(cleanFileName("a\r\nb\u202Efdp.exe", pdf)).toBe("abfdp.pdf");
    expect([...cleanFileName(`${"ก".repeat(400)}.pdf`, pdf)].length).toBe(150);
  });
});

describe("contentDisposition", () => {
  it("sends a Thai name encoded as UTF-8 with an ASCII fallback", () => {
    const header = contentDisposition("รายงาน.pdf", false);
    expect(header).toBe(`attachment; filename="file.pdf"; filename*=UTF-8''${encodeURIComponent("รายงาน.pdf")}`);
    expect(contentDisposition("photo 1.png", true)).toBe(`inline; filename="photo 1.png"; filename*=UTF-8''photo%201.png`);
  });
  it("cannot be broken by quotes, semicolons or new lines in a name", () => {
    const header = contentDisposition('a"b;\r\nSet-Cookie: x=1\\.pdf', false);
    expect(header).not.toMatch(/[\r\n]/);
    const fallback = /filename="([^"]*)"/.exec(header)![1];
    expect(fallback).not.toMatch(/["\\;]/);
    expect(header.match(/"/g)).toHaveLength(2);
    expect(header).toContain("filename*=UTF-8''a%22b%3BSet-Cookie%3A%20x%3D1%5C.pdf");
  });
});

describe("formatFileSize", () => {
  it("uses B, KB and MB", () => {
    const number = (value: number) => String(value);
    expect(formatFileSize(900, number)).toBe("900 B");
    expect(formatFileSize(2048, number)).toBe("2 KB");
    expect(formatFileSize(1.5 * 1024 * 1024, number)).toBe("1.5 MB");
  });
});
