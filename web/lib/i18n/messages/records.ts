// Words for checking the board's records: the hash, the signature, the public key and the offline check.
export const RECORDS_MESSAGES = {
  verifyRecords: { th: 'ตรวจสอบบันทึก', en: 'Verify the records' },
  verifyIntro: {
    th: 'ค่าแฮช (SHA-256) บอกว่าข้อมูลของบันทึกยังตรงกับที่บันทึกไว้หรือไม่ และแต่ละฉบับอ้างอิงค่าแฮชของฉบับก่อนหน้า ลายมือชื่อดิจิทัล (Ed25519) ลงด้วยกุญแจที่เก็บไว้นอกฐานข้อมูล ยืนยันว่ากระดานประชุมเป็นผู้บันทึก ผู้แก้ไขฐานข้อมูลจึงปลอมลายมือชื่อไม่ได้',
    en: 'The hash (SHA-256) tells whether a record still matches what was recorded, and each version refers to the hash of the one before. The digital signature (Ed25519), made with a key kept outside the database, shows that the board recorded it: whoever can edit the database cannot forge it',
  },
  frameRecords: { th: 'กรอบวงเงินที่ตกลง', en: 'Agreed frame' },
  sha256Hash: { th: 'ค่าแฮช (SHA-256)', en: 'Hash (SHA-256)' },
  ed25519Signature: { th: 'ลายมือชื่อดิจิทัล (Ed25519)', en: 'Digital signature (Ed25519)' },
  checkResult: { th: 'ผลการตรวจสอบ', en: 'Result' },
  passed: { th: 'ผ่านการตรวจสอบ', en: 'Passed' },
  failed: { th: 'ไม่ผ่านการตรวจสอบ', en: 'Failed verification' },
  allPassed: { th: 'ทุกฉบับผ่านการตรวจสอบค่าแฮชและลายมือชื่อดิจิทัล', en: 'Every version passed the hash and signature checks' },
  someFailed: { th: 'มีฉบับที่ไม่ผ่านการตรวจสอบ ไม่มีการส่งออกไฟล์ของฉบับนั้น', en: 'Some versions failed verification: their files are not exported' },
  publicKey: { th: 'กุญแจสาธารณะ', en: 'Public key' },
  publicKeyId: { th: 'รหัสกุญแจ (SHA-256 ของกุญแจสาธารณะ)', en: 'Key fingerprint (SHA-256 of the public key)' },
  downloadPublicKey: { th: 'ดาวน์โหลดกุญแจสาธารณะ', en: 'Download the public key' },
  downloadRecord: { th: 'บันทึก (.json)', en: 'Record (.json)' },
  downloadSignature: { th: 'ลายมือชื่อ (.sig)', en: 'Signature (.sig)' },
  offlineCheck: { th: 'ตรวจสอบเองโดยไม่ต้องใช้กระดาน', en: 'Check it yourself, without the board' },
  offlineCheckHint: {
    th: 'ดาวน์โหลดบันทึก (.json) ลายมือชื่อ (.sig) และกุญแจสาธารณะ แล้วใช้คำสั่งต่อไปนี้ คำสั่งแรกให้ค่าแฮชที่พิมพ์ไว้ในไฟล์ Excel, CSV และ PDF คำสั่งที่สองต้องตอบว่า "Signature Verified Successfully"',
    en: 'Download the record (.json), the signature (.sig) and the public key, then run these commands. The first gives the hash printed on the Excel, CSV and PDF files; the second must answer "Signature Verified Successfully"',
  },
  verifyPage: { th: 'หน้าตรวจสอบบันทึก', en: 'Verify page' },
  lockedMinutesRecords: { th: 'รายงานการประชุมที่รับรองและล็อกเป็นบันทึกแล้ว', en: 'Adopted minutes, locked as records' },
  noLockedMinutes: { th: 'ยังไม่มีรายงานการประชุมที่ล็อกเป็นบันทึก', en: 'No minutes have been locked as records yet' },
} as const satisfies Record<string, { th: string; en: string }>;
