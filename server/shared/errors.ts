// Every refusal the board can give, with the words a person reads. One catalogue for HTTP, Socket.io and Yjs.

export const ERROR_MESSAGES = {
  unauthenticated: { th: 'ยังไม่ได้เข้าร่วมประชุม กรุณาเปิดลิงก์เชิญที่ได้รับ', en: 'Not signed in: open the invite link you were given' },
  token_malformed: { th: 'ลิงก์เชิญหรือรหัสเข้าร่วมไม่ถูกต้อง', en: 'The invite or session token is not valid' },
  token_bad_signature: { th: 'ลิงก์เชิญไม่ถูกต้องหรือถูกแก้ไข', en: 'The invite was altered or is not ours' },
  token_expired: { th: 'ลิงก์เชิญหมดอายุแล้ว กรุณาขอลิงก์ใหม่จากฝ่ายเลขานุการ', en: 'The invite has expired: ask the secretary for a new one' },
  token_wrong_kind: { th: 'รหัสนี้ใช้เข้าร่วมประชุมไม่ได้', en: 'This token cannot be used to join' },
  invite_used: {
    th: 'ลิงก์เชิญนี้ถูกใช้ไปแล้ว ลิงก์เชิญใช้ได้ครั้งเดียว หากท่านยังไม่ได้เข้าร่วม กรุณาขอลิงก์ใหม่จากฝ่ายเลขานุการ',
    en: 'This invite was already used: an invite works once. If it was not you, ask the secretary for a new one',
  },
  invite_revoked: { th: 'ลิงก์เชิญนี้ถูกยกเลิกแล้ว กรุณาขอลิงก์ใหม่จากฝ่ายเลขานุการ', en: 'This invite was withdrawn: ask the secretary for a new one' },
  invite_not_found: { th: 'ไม่พบลิงก์เชิญนี้ในการประชุมนี้', en: 'No such invite in this meeting' },
  invite_role_forbidden: {
    th: 'บทบาทของท่านเชิญผู้อื่นในบทบาทนี้ไม่ได้ เชิญได้เฉพาะบทบาทที่ไม่เกินอำนาจของท่าน',
    en: 'Your role cannot invite someone as this role: you may invite only roles within your own authority',
  },
  organiser_link_used: { th: 'ลิงก์ผู้จัดการประชุมนี้ถูกใช้ไปแล้ว กรุณาขอลิงก์ใหม่', en: 'This organiser link was already used: ask for a new one' },
  organiser_required: {
    th: 'หน้านี้สำหรับผู้จัดการประชุม (ฝ่ายเลขานุการของแผน) กรุณาเปิดลิงก์ผู้จัดการประชุมที่ได้รับ',
    en: 'This page is for organisers (the plan\'s secretariat): open the organiser link you were given',
  },
  organiser_revoked: { th: 'สิทธิ์ผู้จัดการประชุมของท่านถูกยกเลิกแล้ว', en: 'Your organiser access was withdrawn' },
  organiser_not_found: { th: 'ไม่พบผู้จัดการประชุมคนนี้', en: 'No such organiser' },
  organiser_last: { th: 'ยกเลิกผู้จัดการประชุมคนสุดท้ายไม่ได้', en: 'The last organiser cannot be withdrawn' },
  roster_member_not_found: { th: 'ไม่พบบุคคลนี้ในรายชื่อคณะกรรมการของแผนนี้', en: 'This person is not on this plan\'s committee roster' },
  roster_paste_invalid: { th: 'รายชื่อที่วางมีบรรทัดที่ไม่ถูกต้อง ยังไม่ได้เพิ่มผู้ใด', en: 'The pasted list has bad lines: nobody was added' },
  invalid_field: { th: 'ข้อมูลในช่องที่ระบุไม่ถูกต้อง', en: 'A field is not valid' },
  join_request_not_found: { th: 'ไม่พบคำขอเข้าร่วมประชุมนี้', en: 'No such request to join' },
  join_request_decided: { th: 'คำขอเข้าร่วมประชุมนี้ได้รับการพิจารณาแล้ว', en: 'This request to join was already decided' },
  join_request_refused: { th: 'ประธานไม่อนุญาตให้เข้าร่วมประชุม', en: 'The chair did not admit you to this meeting' },
  participant_revoked: { th: 'สิทธิ์เข้าร่วมประชุมนี้ถูกยกเลิกแล้ว', en: 'Your access to this meeting was withdrawn' },
  meeting_not_found: { th: 'ไม่พบการประชุมนี้', en: 'Meeting not found' },
  wrong_meeting: { th: 'ลิงก์นี้เป็นของการประชุมอื่น', en: 'This belongs to another meeting' },
  forbidden: { th: 'บทบาทของท่านทำรายการนี้ไม่ได้', en: 'Your role cannot do this' },
  invalid_payload: { th: 'ข้อมูลที่ส่งมาไม่ถูกต้อง', en: 'The request was malformed' },
  payload_too_large: { th: 'ข้อมูลที่ส่งมามีขนาดใหญ่เกินไป', en: 'The request is too large' },
  rate_limited: { th: 'ส่งคำขอถี่เกินไป กรุณารอสักครู่', en: 'Too many requests: wait a moment' },
  origin_forbidden: {
    th: 'คำขอนี้มาจากหน้าเว็บที่ไม่ใช่ของกระดานประชุม จึงถูกปฏิเสธ กรุณาเปิดกระดานจากที่อยู่ที่ได้รับ',
    en: 'This request came from a page that is not the board\'s, so it was refused: open the board at its own address',
  },
  unsupported_media_type: { th: 'ประเภทข้อมูลที่ส่งมาไม่ถูกต้องสำหรับรายการนี้', en: 'This request does not accept that content type' },
  invalid_name: { th: 'กรุณากรอกชื่อ 1–120 ตัวอักษร', en: 'Enter a name of 1 to 120 characters' },
  project_not_found: { th: 'ไม่พบโครงการนี้ในแผนของการประชุมนี้', en: 'No such project in this meeting\'s plan' },
  project_resolved: {
    th: 'โครงการนี้มีมติแล้ว ต้องให้ประธานเปิดมติใหม่ก่อนแก้ไขวงเงิน',
    en: 'This project has a confirmed resolution: the chair must reopen it before its ceiling can change',
  },
  version_conflict: {
    th: 'มีผู้แก้ไขวงเงินนี้ไปก่อนแล้ว กรุณาดูค่าปัจจุบันแล้วยืนยันอีกครั้ง',
    en: 'Someone changed this ceiling first: check the current value and confirm again',
  },
  invalid_amount: { th: 'วงเงินต้องเป็นจำนวนเต็มบาทและไม่ติดลบ', en: 'A ceiling must be a whole, non-negative number of baht' },
  ceiling_unchanged: { th: 'วงเงินเท่าเดิม ไม่มีสิ่งใดเปลี่ยนแปลง', en: 'That is already the ceiling: nothing changed' },
  above_request: {
    th: 'วงเงินที่กำหนดสูงกว่าวงเงินที่ขอ ซึ่งแผนนี้ไม่อนุญาต',
    en: 'The ceiling is above what the agency requested, which this plan does not allow',
  },
  over_frame_cap: {
    th: 'การแก้ไขนี้ทำให้รวมวงเงินเกินกรอบ ซึ่งแผนนี้ไม่อนุญาต กรุณาปรับลดโครงการอื่นก่อน',
    en: 'This would take the total over the frame, which this plan does not allow: cut another project first',
  },
  proposal_not_found: { th: 'ไม่พบข้อเสนอนี้', en: 'No such proposal' },
  proposal_closed: { th: 'ข้อเสนอนี้ได้รับการพิจารณาหรือถูกแทนที่แล้ว', en: 'This proposal was already decided, withdrawn or replaced' },
  nothing_to_undo: { th: 'ไม่มีการแก้ไขวงเงินของท่านที่ย้อนกลับได้', en: 'You have no ceiling change to undo' },
  focus_target_not_found: { th: 'ไม่พบโครงการ กลุ่ม หรือระเบียบวาระที่จะนำเสนอ', en: 'The project, group or agenda item to show does not exist' },
  participant_not_found: { th: 'ไม่พบผู้เข้าร่วมประชุมคนนี้', en: 'No such participant in this meeting' },
  no_handover: { th: 'ยังไม่ได้มอบบทบาทผู้นำเสนอให้ผู้ใด', en: 'The presenter role has not been handed to anyone' },
  resolution_target_not_found: { th: 'ไม่พบโครงการหรือวาระที่จะบันทึกมติ', en: 'No such project or agenda item in this meeting' },
  resolution_not_found: { th: 'ไม่พบมตินี้', en: 'No such resolution' },
  resolution_outcome_invalid: { th: 'ผลมตินี้ใช้กับรายการนี้ไม่ได้ (มติรายโครงการต้องเป็นอนุมัติ ปรับวงเงิน ไม่อนุมัติ หรือชะลอ)', en: 'That outcome does not apply here (a project resolution approves, adjusts, refuses or defers)' },
  resolution_ceiling_invalid: { th: 'มติปรับวงเงินต้องระบุวงเงินเป็นบาทเต็ม ไม่เกินวงเงินที่ขอ', en: 'An adjusted resolution needs a whole-baht ceiling no higher than requested' },
  resolution_already_confirmed: { th: 'มตินี้ยืนยันแล้ว ต้องให้ประธานเปิดพิจารณาใหม่ก่อนจึงแก้ไขได้', en: 'This resolution is confirmed: the chair must reopen it before it can change' },
  resolution_not_draft: { th: 'ยืนยันได้เฉพาะมติที่ยังเป็นร่าง', en: 'Only a draft resolution can be confirmed' },
  resolution_not_confirmed: { th: 'เปิดพิจารณาใหม่ได้เฉพาะมติที่ยืนยันแล้ว', en: 'Only a confirmed resolution can be reopened' },
  frame_proposals_pending: { th: 'ยังมีข้อเสนอปรับวงเงินรอพิจารณา กรุณารับหรือไม่รับข้อเสนอก่อนบันทึกกรอบวงเงิน', en: 'Proposals are still pending: accept or reject them before recording the frame' },
  frame_resolutions_missing: { th: 'ยังมีโครงการที่ไม่มีมติที่ยืนยันแล้ว', en: 'Some projects have no confirmed resolution yet' },
  frame_over_frame: { th: 'รวมวงเงินเกินกรอบวงเงิน บันทึกกรอบวงเงินไม่ได้', en: 'The total of ceilings exceeds the frame: it cannot be recorded' },
  frame_not_prepared: { th: 'ฝ่ายเลขานุการยังไม่ได้จัดเตรียมร่างกรอบวงเงิน', en: 'The secretary has not prepared the frame yet' },
  frame_draft_changed: { th: 'ข้อมูลเปลี่ยนไปหลังจากจัดเตรียมร่าง กรุณาให้ฝ่ายเลขานุการจัดเตรียมใหม่', en: 'The board changed since the draft was prepared: the secretary must prepare it again' },
  frame_not_recorded: { th: 'ยังไม่มีการบันทึกกรอบวงเงินที่ตกลง', en: 'No agreed frame has been recorded yet' },
  record_unsigned: {
    th: 'ฉบับนี้บันทึกก่อนมีการลงลายมือชื่อดิจิทัล จึงไม่มีไฟล์ลายมือชื่อ ตรวจสอบได้ด้วยค่าแฮช SHA-256',
    en: 'This version was recorded before records were signed, so it has no signature file: check it by its SHA-256 hash',
  },
  record_failed_verification: {
    th: 'บันทึกนี้ไม่ผ่านการตรวจสอบ จึงไม่ส่งออกไฟล์ กรุณาแจ้งฝ่ายเลขานุการ (ดูรายละเอียดที่หน้าตรวจสอบบันทึก)',
    en: 'This record failed verification, so it is not exported: tell the secretary (details on the verify page)',
  },
  minutes_wrong_state: {
    th: 'รายงานการประชุมอยู่ในขั้นที่ทำรายการนี้ไม่ได้ (ร่าง → เวียนให้กรรมการอ่าน → รับรอง → ล็อกเป็นบันทึก) กรุณาโหลดหน้าใหม่',
    en: 'The minutes are not at the step this needs (draft → circulated → adopted → locked): reload the page',
  },
  minutes_next_meeting_not_sitting: {
    th: 'รับรองรายงานการประชุมในการประชุมครั้งถัดไปได้เฉพาะระหว่างที่การประชุมนั้นกำลังประชุม',
    en: 'The next meeting adopts the minutes only while it is in session',
  },
  minutes_not_at_agenda_item: {
    th: 'รับรองรายงานการประชุมได้เมื่อกระดานอยู่ที่ระเบียบวาระที่ 2 เรื่องรับรองรายงานการประชุม',
    en: 'The minutes are adopted when the board is at agenda item 2, approval of the minutes',
  },
  minutes_no_previous_meeting: {
    th: 'การประชุมนี้ไม่มีการประชุมครั้งก่อนที่ต้องรับรองรายงานการประชุม',
    en: 'This meeting has no previous meeting whose minutes it adopts',
  },
  minutes_not_locked: { th: 'รายงานการประชุมนี้ยังไม่ได้ล็อกเป็นบันทึก', en: 'These minutes have not been locked as a record yet' },
  import_invalid: { th: 'ไฟล์มีรายการที่ไม่ถูกต้อง ไม่ได้นำเข้าข้อมูลใด ๆ', en: 'The file has bad rows: nothing was imported' },
  import_locked: { th: 'นำเข้าได้เฉพาะก่อนมีการปรับวงเงิน ข้อเสนอ มติ หรือบันทึกกรอบวงเงิน', en: 'Import is possible only before any ceiling change, proposal, resolution or frame record' },
  proposals_pending_limit: {
    th: 'มีข้อเสนอรอพิจารณามากเกินไป กรุณารอให้ประธานพิจารณาข้อเสนอที่ค้างอยู่ก่อน',
    en: 'Too many proposals are waiting: wait for the chair to decide the pending ones first',
  },
  note_not_yours: {
    th: 'แก้ไขหรือลบได้เฉพาะบันทึกของท่านเอง และบันทึกในนามผู้อื่นไม่ได้ การเปลี่ยนแปลงนี้ไม่ได้บันทึก กรุณาโหลดหน้าใหม่',
    en: 'Only a note\'s author can change or delete it, and nobody writes in another\'s name: this change was not saved, reload the page',
  },
  invalid_percent: { th: 'ร้อยละต้องอยู่ระหว่าง -100 ถึง +100 ทศนิยมไม่เกิน 2 ตำแหน่ง', en: 'A percentage must be between -100 and +100, with at most 2 decimals' },
  selection_empty: { th: 'กรุณาเลือกอย่างน้อยหนึ่งโครงการ', en: 'Select at least one project' },
  target_unreachable: {
    th: 'ปรับโครงการที่เลือกให้ได้ยอดนี้ไม่ได้ (วงเงินติดลบหรือเกินวงเงินที่ขอ) กรุณาเลือกโครงการเพิ่มหรือเปลี่ยนยอด',
    en: 'The selected projects cannot reach that amount (it would go below zero or above their requests): select more projects or change the amount',
  },
  import_empty: { th: 'ไฟล์ว่างเปล่า ไม่มีข้อมูลให้นำเข้า', en: 'The file is empty: there is nothing to import' },
  import_not_spreadsheet: { th: 'ไฟล์นี้ไม่ใช่ตาราง CSV หรือ Excel (.xlsx) ที่อ่านได้', en: 'This file is not a CSV or Excel (.xlsx) table that can be read' },
  import_legacy_xls: {
    th: 'ไฟล์ Excel รุ่นเก่า (.xls) อ่านไม่ได้ กรุณาบันทึกเป็น .xlsx หรือ CSV UTF-8 แล้วนำเข้าใหม่',
    en: 'Old Excel files (.xls) cannot be read: save it as .xlsx or CSV UTF-8 and import that',
  },
  import_encoding: {
    th: 'อ่านตัวอักษรไทยในไฟล์ไม่ได้ (รหัสอักขระไม่ถูกต้อง) กรุณาบันทึกเป็น CSV UTF-8 หรือ .xlsx',
    en: 'The Thai text in this file cannot be read (wrong encoding): save it as CSV UTF-8 or .xlsx',
  },
  import_no_header: { th: 'ไม่พบแถวหัวตาราง (ชื่อคอลัมน์) ในไฟล์', en: 'No header row (column names) was found in the file' },
  import_too_many_rows: { th: 'จำนวนแถวในไฟล์เกินกว่าที่นำเข้าได้ในครั้งเดียว', en: 'The file has more rows than one import takes' },
  import_mapping_incomplete: { th: 'ยังไม่ได้เลือกคอลัมน์ที่จำเป็น', en: 'A required column is not mapped' },
  import_mapping_duplicate: { th: 'เลือกข้อมูลเดียวกันให้มากกว่าหนึ่งคอลัมน์', en: 'The same field is mapped to more than one column' },
  import_mapping_invalid: { th: 'การจับคู่คอลัมน์ไม่ตรงกับไฟล์นี้', en: 'The column mapping does not fit this file' },
  import_upload_not_found: { th: 'ไม่พบไฟล์ที่อัปโหลด (อาจหมดอายุแล้ว) กรุณาเลือกไฟล์ใหม่', en: 'The uploaded file is gone (it may have expired): choose the file again' },
  meeting_not_open: {
    th: 'การประชุมยังไม่เปิด จึงยังพิจารณาหรือบันทึกมติไม่ได้ ประธานหรือฝ่ายเลขานุการต้องเปิดประชุมก่อน',
    en: 'The meeting has not been opened yet, so nothing can be decided: the chair or the secretary must open it first',
  },
  meeting_already_open: { th: 'เปิดประชุมแล้ว', en: 'The meeting is already open' },
  meeting_closed: {
    th: 'ปิดประชุมแล้ว กระดานเปิดให้อ่านเท่านั้น ยกเว้นการจัดทำรายงานการประชุมและการบันทึกผู้มาประชุม',
    en: 'The meeting is closed: the board is read-only except for the minutes and attendance',
  },
  plan_not_found: { th: 'ไม่พบแผนงานนี้', en: 'Plan not found' },
  plan_title_required: { th: 'กรุณากรอกชื่อแผนงาน (ภาษาไทย)', en: 'Enter the plan title (Thai)' },
  fiscal_year_invalid: { th: 'ปีงบประมาณ (พ.ศ.) ต้องอยู่ระหว่าง 2500–2700', en: 'The fiscal year (B.E.) must be 2500 to 2700' },
  frame_invalid: {
    th: 'กรอบวงเงิน (ล้านบาท) ต้องเป็นตัวเลข ทศนิยมไม่เกิน 4 ตำแหน่ง เช่น 5,523.9110',
    en: 'The frame (million baht) must be a number with at most 4 decimals, e.g. 5,523.9110',
  },
  frame_zero: { th: 'กรอบวงเงิน (ล้านบาท) ต้องมากกว่าศูนย์', en: 'The frame (million baht) must be more than zero' },
  frame_too_large: { th: 'กรอบวงเงิน (ล้านบาท) เกิน 15 หลักเมื่อคิดเป็นบาท', en: 'The frame (million baht) has more than 15 digits in baht' },
  frame_reason_required: {
    th: 'การประชุมของแผนนี้มีการตัดสินใจแล้ว การแก้ไขกรอบวงเงินต้องกรอกเหตุผลที่แก้ไขกรอบวงเงินเพื่อบันทึกไว้',
    en: 'A meeting of this plan has decided something: a change of the frame needs the reason for changing it, for the record',
  },
  value_chain_empty: { th: 'ห่วงโซ่คุณค่าต้องมีอย่างน้อยหนึ่งเป้าหมาย', en: 'The value chain needs at least one goal' },
  goal_number_invalid: { th: 'เป้าหมายที่ ต้องเป็นจำนวนเต็มตั้งแต่ 1', en: 'A goal number must be a whole number from 1' },
  goal_number_duplicate: { th: 'เป้าหมายที่ ซ้ำกับเป้าหมายอื่น', en: 'Two goals have the same number' },
  goal_without_approach: { th: 'แต่ละเป้าหมายต้องมีอย่างน้อยหนึ่งแนวทาง', en: 'Every goal needs at least one approach' },
  approach_code_required: { th: 'กรุณากรอกรหัสแนวทาง เช่น 1.1', en: 'Enter the approach code, e.g. 1.1' },
  approach_code_duplicate: { th: 'รหัสแนวทางซ้ำกับแนวทางอื่น', en: 'Two approaches have the same code' },
  value_chain_name_required: { th: 'กรุณากรอกชื่อเป้าหมายหรือแนวทาง (ภาษาไทย)', en: 'Enter the goal\'s or approach\'s name (Thai)' },
  approach_in_use: {
    th: 'ลบแนวทางนี้ไม่ได้ เพราะมีโครงการอยู่ในแนวทางนี้',
    en: 'This approach has projects, so it cannot be removed',
  },
  meeting_title_required: { th: 'กรุณากรอกชื่อการประชุม (ภาษาไทย)', en: 'Enter the meeting title (Thai)' },
  meeting_number_invalid: { th: 'ครั้งที่ ต้องเป็นจำนวนเต็มตั้งแต่ 1 และ พ.ศ. ต้องอยู่ระหว่าง 2500–2700', en: 'The meeting number must be a whole number from 1, and its year B.E. 2500 to 2700' },
  meeting_number_taken: { th: 'แผนนี้มีการประชุมครั้งที่/พ.ศ. นี้แล้ว', en: 'This plan already has a meeting with that number and year' },
  meeting_date_invalid: { th: 'วันที่ประชุมไม่ถูกต้อง', en: 'The meeting date is not a real date' },
  meeting_time_invalid: { th: 'เวลาประชุมต้องอยู่ในรูปแบบ ชั่วโมง:นาที เช่น 09:30', en: 'The meeting time must be hours:minutes, e.g. 09:30' },
  venue_required: { th: 'กรุณากรอกสถานที่ประชุม (ภาษาไทย)', en: 'Enter the venue (Thai)' },
  online_url_invalid: { th: 'ลิงก์ประชุมออนไลน์ต้องขึ้นต้นด้วย https:// หรือ http://', en: 'The online meeting link must start with https:// or http://' },
  agenda_item_not_found: { th: 'ไม่พบระเบียบวาระนี้ในการประชุมนี้', en: 'No such agenda item in this meeting' },
  agenda_title_required: { th: 'กรุณากรอกชื่อระเบียบวาระ (ภาษาไทย)', en: 'Enter the agenda item title (Thai)' },
  agenda_item_in_use: {
    th: 'ลบระเบียบวาระนี้ไม่ได้ เพราะมีมติหรือวาระย่อยอยู่',
    en: 'This agenda item has resolutions or sub-items, so it cannot be removed',
  },
  substitute_on_roster: {
    th: 'ผู้นี้อยู่ในรายชื่อคณะกรรมการแล้ว จึงเป็นผู้แทนของกรรมการคนอื่นไม่ได้',
    en: 'This person is on the committee roster, so they cannot stand in for another member',
  },
  resolution_selection_empty: { th: 'ยังไม่ได้เลือกโครงการหรือมติ', en: 'Nothing is selected' },
  resolution_selection_too_large: {
    th: 'เลือกไว้มากเกินกว่าที่บันทึกได้ในครั้งเดียว (ไม่เกิน 500 รายการ) กรุณาแบ่งเป็นหลายรายการ',
    en: 'Too many selected for one action (at most 500): split the selection',
  },
  resolution_selection_confirmed: {
    th: 'บางโครงการที่เลือกมีมติที่ยืนยันแล้ว ต้องให้ประธานเปิดพิจารณาใหม่ก่อน หรือเอาออกจากรายการที่เลือก',
    en: 'Some selected projects have a confirmed resolution: the chair must reopen them first, or leave them out',
  },
  moment_not_recorded: {
    th: 'ช่วงเวลาที่เลือก (seq หรือ compareTo) ไม่อยู่ในบันทึกการประชุมนี้',
    en: 'The moment chosen (seq or compareTo) is not in this meeting\'s record',
  },
  set_empty: { th: 'ชุดข้อเสนอต้องมีการเปลี่ยนวงเงินอย่างน้อยหนึ่งโครงการ', en: 'A proposed set needs at least one ceiling change' },
  set_too_large: {
    th: 'ชุดข้อเสนอมีจำนวนโครงการมากกว่าโครงการในแผน',
    en: 'The proposed set names more projects than the plan has',
  },
  set_duplicate_project: { th: 'ชุดข้อเสนอระบุโครงการเดียวกันซ้ำ', en: 'The proposed set names a project twice' },
  set_conflict: {
    th: 'วงเงินของบางโครงการในชุดข้อเสนอเปลี่ยนไปหลังเสนอ หรือมีมติแล้ว กรุณาพิจารณาเฉพาะโครงการที่ไม่ขัดกัน',
    en: 'Some projects of the set changed or were resolved since it was proposed: accept only those without conflicts',
  },
  set_line_not_found: { th: 'โครงการที่เลือกไม่อยู่ในชุดข้อเสนอนี้', en: 'A chosen project is not in this proposed set' },
  set_not_found: { th: 'ไม่พบชุดข้อเสนอนี้ในการประชุมนี้', en: 'No such proposed set in this meeting' },
  set_closed: { th: 'ชุดข้อเสนอนี้ได้รับการพิจารณาหรือถูกถอนแล้ว', en: 'This proposed set was already decided or withdrawn' },
  project_list_open: {
    th: 'แผนนี้ยังไม่มีการตัดสินใจใด ให้แก้ไขรายการโครงการโดยนำเข้าไฟล์ใหม่แทน',
    en: 'Nothing has been decided in this plan yet: replace the project list by importing the file again',
  },
  project_code_taken: { th: 'รหัสโครงการนี้มีอยู่แล้วในแผน', en: 'A project of this plan already has this code' },
  project_name_taken: { th: 'ชื่อโครงการนี้มีอยู่แล้วในแผน', en: 'A project of this plan already has this name' },
  project_withdrawn: { th: 'โครงการนี้ถูกถอนออกจากรายการแล้ว', en: 'This project was withdrawn from the list' },
  request_invalid: {
    th: 'วงเงินที่ขอต้องเป็นจำนวนเต็มบาท มากกว่าศูนย์ และไม่เกิน 15 หลัก',
    en: 'A request must be a whole number of baht, above zero and of at most 15 digits',
  },
  request_unchanged: { th: 'วงเงินที่ขอเท่าเดิม ไม่มีสิ่งใดเปลี่ยนแปลง', en: 'That is already the request: nothing changed' },
  request_below_ceiling: {
    th: 'วงเงินที่ขอที่แก้ไขต่ำกว่าวงเงินที่กำหนดในปัจจุบัน ซึ่งแผนนี้ไม่อนุญาต กรุณาปรับวงเงินก่อน',
    en: 'The corrected request is below the current ceiling, which this plan does not allow: lower the ceiling first',
  },
  reason_required: { th: 'กรุณาระบุเหตุผล เพื่อบันทึกไว้', en: 'Give the reason, for the record' },
  agency_not_found: { th: 'ไม่พบหน่วยงานนี้', en: 'No such agency' },
  approach_not_found: { th: 'ไม่พบแนวทางนี้ในแผน', en: 'No such approach in this plan' },
  internal: { th: 'ระบบขัดข้อง กรุณาลองใหม่', en: 'Something went wrong on the server: try again' },
  database_unavailable: {
    th: 'ชั่วคราว: ฐานข้อมูลไม่ตอบสนอง กรุณาลองใหม่อีกครั้งในอีกสักครู่',
    en: 'Temporary: the database is not answering: try again in a moment',
  },
  server_restarting: {
    th: 'ชั่วคราว: เครื่องให้บริการกำลังเริ่มใหม่ ระบบกำลังเชื่อมต่อใหม่ กรุณาลองอีกครั้ง',
    en: 'Temporary: this server is restarting and the board is reconnecting: try again',
  },
} as const satisfies Record<string, { th: string; en: string }>;

export type ErrorCode = keyof typeof ERROR_MESSAGES;

export interface WireError {
  code: ErrorCode;
  messageTh: string;
  messageEn: string;
  /** Facts the client can act on, e.g. the current value after a conflict. */
  details?: unknown;
}

/** What a refusal about one field carries, so that its message can name the field and say what is wrong with it. */
export interface FieldDetails {
  field: string;
  fieldTh: string;
  fieldEn: string;
  reasonTh?: string;
  reasonEn?: string;
}

function isFieldDetails(details: unknown): details is FieldDetails {
  const d = details as Partial<FieldDetails> | null;
  return typeof d === 'object' && d !== null && typeof d.fieldTh === 'string' && typeof d.fieldEn === 'string';
}

export function wireError(code: ErrorCode, details?: unknown): WireError {
  const { th, en } = ERROR_MESSAGES[code];
  if (details === undefined) return { code, messageTh: th, messageEn: en };
  if (!isFieldDetails(details)) return { code, messageTh: th, messageEn: en, details };
  return {
    code,
    messageTh: `${th}: ${details.fieldTh}${details.reasonTh ? ` (${details.reasonTh})` : ''}`,
    messageEn: `${en}: ${details.fieldEn}${details.reasonEn ? ` (${details.reasonEn})` : ''}`,
    details,
  };
}

/** A refusal raised inside the server that becomes a WireError at the transport edge. */
export class BoardError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly details?: unknown,
  ) {
    super(`${code}: ${ERROR_MESSAGES[code].en}`);
    this.name = 'BoardError';
  }
}

/**
 * True for a BoardError from any copy of this module: the page bundle and the server each load their own, so
 * `instanceof` alone would miss the server's errors inside a page's load function.
 */
export function isBoardError(error: unknown): error is BoardError {
  return (
    error instanceof Error &&
    error.name === 'BoardError' &&
    typeof (error as BoardError).code === 'string' &&
    Object.hasOwn(ERROR_MESSAGES, (error as BoardError).code)
  );
}
