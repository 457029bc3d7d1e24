using MiniExcelLibs;

namespace HaiHau.InfoBot.Content.Listings;

/// <summary>A data row of an import file: its row number as a spreadsheet shows it (the header is row 1) and its cells by header.</summary>
public sealed record RawRow(int Line, IReadOnlyDictionary<string, object?> Cells);

/// <summary>An import file's header and rows, from CSV (comma or semicolon, UTF-8) or XLSX (the first sheet), read with MiniExcel.</summary>
public sealed record RawTable(IReadOnlyList<string> Headers, IReadOnlyList<RawRow> Rows);

public static class ListingFileReader
{
    /// <summary>Reads the file; throws <see cref="InvalidDataException"/> with a Vietnamese message when it cannot.</summary>
    public static RawTable Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new InvalidDataException($"Không tìm thấy tệp «{path}».");
        }

        var extension = Path.GetExtension(path).ToLowerInvariant();
        if (extension is ".csv" or ".xlsx")
        {
            // Before anything reads it: the content matches the extension, an XLSX unpacks within the bound.
            using var file = File.OpenRead(path);
            ImportFileGuard.Check(file, extension);
        }

        return extension switch
        {
            ".csv" => ReadCsv(path),
            ".xlsx" => ReadXlsx(path),
            var other => throw new InvalidDataException($"Tệp «{Path.GetFileName(path)}» có đuôi «{other}»: chỉ nhận .csv hoặc .xlsx."),
        };
    }

    private static RawTable ReadCsv(string path)
    {
        // Excel in Vietnamese locales saves CSV with ';': take whichever separator the header line uses more.
        var header = File.ReadLines(path).FirstOrDefault() ?? string.Empty;
        var separator = header.Count(c => c == ';') > header.Count(c => c == ',') ? ';' : ',';
        return Query(path, ExcelType.CSV, new MiniExcelLibs.Csv.CsvConfiguration { Seperator = separator });
    }

    private static RawTable ReadXlsx(string path) => Query(path, ExcelType.XLSX, null);

    private static RawTable Query(string path, ExcelType type, MiniExcelLibs.IConfiguration? configuration)
    {
        List<IDictionary<string, object?>> data;
        List<string> headers;
        try
        {
            // Bounded while read (ImportFileGuard): rows and cell length as MiniExcel yields them.
            data = ImportFileGuard.Bounded(MiniExcel.Query(path, useHeaderRow: true, excelType: type, configuration: configuration).Cast<IDictionary<string, object?>>()).ToList();
            headers = data.Count > 0
                ? data[0].Keys.ToList()
                : (MiniExcel.GetColumns(path, useHeaderRow: true, excelType: type, configuration: configuration) ?? []).Select(h => h?.ToString() ?? string.Empty).ToList();
        }
        catch (Exception ex) when (ex is not OutOfMemoryException && !ImportFileGuard.IsRefusal(ex))
        {
            // MiniExcel's own words are English and may quote the file: only its kind is named.
            throw new InvalidDataException($"Không đọc được tệp «{Path.GetFileName(path)}» ({ex.GetType().Name}). Bác mở tệp bằng Excel, lưu lại theo mẫu rồi nhập lại.", ex);
        }

        var rows = data.Select((d, i) => new RawRow(i + 2, new Dictionary<string, object?>(d, StringComparer.Ordinal))).ToList();
        return new RawTable(headers, rows);
    }
}
