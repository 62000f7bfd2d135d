// Reference: the exceljs streaming reader over every cell of a workbook.
import ExcelJS from 'exceljs';
let cells = 0;
const reader = new ExcelJS.stream.xlsx.WorkbookReader(process.argv[2], { sharedStrings: 'cache', worksheets: 'emit' });
for await (const sheet of reader) for await (const row of sheet) cells += row.cellCount;
console.log(cells);
