using HaiHau.InfoBot.Host.Exports;

namespace HaiHau.InfoBot.Host.Tests.Hardening;

/// <summary>The one rule every CSV/XLSX export applies to its cells (issue 14: no live formula in an officer's spreadsheet).</summary>
public sealed class ExportFormulaTests
{
    [Theory]
    [InlineData("=HYPERLINK(\"http://x.test\",\"Xem\")", "'=HYPERLINK(\"http://x.test\",\"Xem\")")]
    [InlineData("+84912345678", "'+84912345678")]
    [InlineData("-1+1", "'-1+1")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\t=1", "'\t=1")]
    [InlineData("\r=1", "'\r=1")]
    [InlineData("HA-2022-001", "HA-2022-001")]
    [InlineData("Xã Hải An", "Xã Hải An")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void A_cell_that_starts_like_a_formula_is_made_plain_text(string? value, string expected) =>
        Assert.Equal(expected, SafeCells.Text(value));

    [Theory]
    [InlineData("=1+1", "'=1+1")]
    [InlineData("=HYPERLINK(\"a\",\"b\")", "\"'=HYPERLINK(\"\"a\"\",\"\"b\"\")\"")]
    [InlineData("Nguyễn Văn A, xóm 3", "\"Nguyễn Văn A, xóm 3\"")]
    [InlineData("a;b", "\"a;b\"")]
    public void A_CSV_field_is_neutralised_then_quoted(string value, string expected) =>
        Assert.Equal(expected, SafeCells.CsvField(value));

    [Fact]
    public void An_XLSX_row_neutralises_its_text_and_keeps_its_numbers()
    {
        var row = SafeCells.Row([new("Mã hộ", "=1+1"), new("Số hộ", -3), new("Xã", "Hải An")]);

        Assert.Equal("'=1+1", row["Mã hộ"]);
        Assert.Equal(-3, row["Số hộ"]);
        Assert.Equal("Hải An", row["Xã"]);
    }
}
