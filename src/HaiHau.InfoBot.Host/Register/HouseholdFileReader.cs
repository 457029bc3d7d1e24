using System.Globalization;
using HaiHau.InfoBot.Content.Listings;
using HaiHau.InfoBot.Storage.Register;
using MiniExcelLibs;

namespace HaiHau.InfoBot.Host.Register;

/// <summary>
/// Reads a household list (CSV in UTF-8, or XLSX, first sheet) made from the template in content/samples/: the
/// header row names the columns (with or without diacritics, any order); extra columns are ignored.
/// </summary>
public static class HouseholdFileReader
{
    public static (IReadOnlyList<HouseholdRow> Rows, IReadOnlyList<string> Problems) Read(Stream file, string fileName)
    {
        var type = Path.GetExtension(fileName).ToLowerInvariant() switch
        {
            ".csv" => ExcelType.CSV,
            ".xlsx" => ExcelType.XLSX,
            _ => (ExcelType?)null,
        };
        if (type is null)
        {
            return ([], ["Chỉ nhận tệp .csv (UTF-8) hoặc .xlsx theo mẫu."]);
        }

        List<IDictionary<string, object?>> raw;
        try
        {
            // Bounded while read (ImportFileGuard): the unpacked size first, then rows and cell length as MiniExcel yields them.
            ImportFileGuard.Check(file, type == ExcelType.XLSX ? ".xlsx" : ".csv");
            raw = ImportFileGuard.Bounded(MiniExcel.Query(file, useHeaderRow: true, excelType: type.Value).Cast<IDictionary<string, object?>>()).ToList();
        }
        catch (InvalidDataException ex)
        {
            return ([], [ex.Message]);
        }
        catch (Exception ex) when (ex is IOException or FormatException or InvalidOperationException or ArgumentException or System.Xml.XmlException or InvalidCastException)
        {
            // MiniExcel's own words are English and may quote the file: only say that it could not be read.
            return ([], [$"Không đọc được tệp ({ex.GetType().Name}). Bác mở tệp bằng Excel, lưu lại theo mẫu rồi nhập lại."]);
        }

        if (raw.Count == 0)
        {
            return ([], ["Tệp không có dòng dữ liệu nào."]);
        }

        var columns = raw[0].Keys.Select(k => (Header: k, Column: HouseholdColumns.Recognise(k))).Where(c => c.Column is not null)
            .GroupBy(c => c.Column!).ToDictionary(g => g.Key, g => g.First().Header);
        var missing = HouseholdColumns.Required.Where(c => !columns.ContainsKey(c)).ToList();
        if (missing.Count > 0)
        {
            return ([], missing.Select(c => $"Thiếu cột «{c}» ở dòng tiêu đề.").ToList());
        }

        var rows = new List<HouseholdRow>();
        for (var i = 0; i < raw.Count; i++)
        {
            var cells = raw[i];
            string? Cell(string column) => columns.TryGetValue(column, out var header) ? Text(cells.TryGetValue(header, out var v) ? v : null) : null;
            if (cells.Values.All(v => string.IsNullOrWhiteSpace(Text(v))))
            {
                continue; // a blank line is not a row
            }

            rows.Add(new HouseholdRow(i + 2, Cell(HouseholdColumns.Code), Cell(HouseholdColumns.Commune), Cell(HouseholdColumns.Village),
                Cell(HouseholdColumns.Category), Cell(HouseholdColumns.HeadName), Cell(HouseholdColumns.Phone)));
        }

        return (rows, []);
    }

    // XLSX numbers arrive as double (a phone cell loses its leading zero: HouseholdValues.Phone puts it back).
    private static string? Text(object? value) => value switch
    {
        null => null,
        double d => d.ToString("0.##########", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
