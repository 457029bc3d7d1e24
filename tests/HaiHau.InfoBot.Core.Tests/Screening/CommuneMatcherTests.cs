using HaiHau.InfoBot.Core.Content;
using HaiHau.InfoBot.TestKit;

namespace HaiHau.InfoBot.Core.Tests.Screening;

public sealed class CommuneMatcherTests
{
    [Theory]
    [InlineData("hai chau", "hai-chau")]
    [InlineData("Hải Châu", "hai-chau")]
    [InlineData("TT Yên Định", "yen-dinh")]
    [InlineData("thi tran yen dinh", "yen-dinh")]
    [InlineData("xã Hải Châu ạ", "hai-chau")]
    [InlineData("nhà cháu ở xã hải đường", "hai-duong")]
    [InlineData("con tôi ở Hải Châu", "hai-chau")]
    [InlineData("cồn", "con")]
    [InlineData("thị trấn Cồn", "con")]
    [InlineData("o tt con a", "con")]
    [InlineData("thinh long", "thinh-long")]
    public void Finds_the_commune_however_it_is_typed(string text, string code)
    {
        Assert.Equal(code, CommuneMatcher.Match(EngineHarness.Repo.Content, text)?.Code);
    }

    [Theory]
    [InlineData("không biết")]
    [InlineData("con nhà cháu")]
    [InlineData("Hải Hậu")]
    [InlineData("hải châu hay hải đường")]
    [InlineData("")]
    public void Gives_no_answer_rather_than_a_guess(string text)
    {
        Assert.Null(CommuneMatcher.Match(EngineHarness.Repo.Content, text));
    }

    [Fact]
    public void Towns_are_urban_and_communes_rural()
    {
        var content = EngineHarness.Repo.Content;
        Assert.Equal(AreaKind.Urban, content.FindCommune("yen-dinh")!.Area);
        Assert.Equal(AreaKind.Rural, content.FindCommune("hai-chau")!.Area);
    }
}
