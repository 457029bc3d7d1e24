using System.Text;

namespace HaiHau.InfoBot.Host.Exports;

/// <summary>
/// Every cell of every CSV or XLSX the console hands out goes through here (issue 14): a value starting with
/// = + - @ (or a tab or carriage return) is read by Excel and LibreOffice as a formula, so a household code such as
/// «=HYPERLINK(…)» in an imported list would run on an officer's computer. Such a value gets a leading apostrophe,
/// which spreadsheets show as plain text.
/// </summary>
public static class SafeCells
{
    public static bool StartsLikeAFormula(string value) => value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r';

    /// <summary>The value as text a spreadsheet will not evaluate.</summary>
    public static string Text(string? value) =>
        string.IsNullOrEmpty(value) ? string.Empty : StartsLikeAFormula(value) ? "'" + value : value;

    /// <summary>A cell for an XLSX row: strings neutralised; numbers and dates (never formulas) kept as they are.</summary>
    public static object? Cell(object? value) => value is string s ? Text(s) : value;

    /// <summary>An XLSX row (header → value) with every cell made safe.</summary>
    public static Dictionary<string, object?> Row(IEnumerable<KeyValuePair<string, object?>> cells) =>
        cells.ToDictionary(c => c.Key, c => Cell(c.Value), StringComparer.Ordinal);

    /// <summary>XLSX rows as MiniExcel takes them, every cell made safe.</summary>
    public static List<Dictionary<string, object?>> Rows(IEnumerable<IEnumerable<KeyValuePair<string, object?>>> rows) => rows.Select(Row).ToList();

    /// <summary>One CSV field: neutralised, then quoted when it holds a separator, a quote or a line break.</summary>
    public static string CsvField(string? value)
    {
        var text = Text(value);
        return text.IndexOfAny([',', ';', '"', '\n', '\r']) >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
    }

    /// <summary>Appends one CSV line of safe fields.</summary>
    public static StringBuilder AppendCsvLine(this StringBuilder csv, IEnumerable<string?> cells, string newline = "\r\n") =>
        csv.AppendJoin(',', cells.Select(CsvField)).Append(newline);
}
