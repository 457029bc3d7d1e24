using HaiHau.InfoBot.Core.Understanding;
using HaiHau.InfoBot.TestKit;

namespace HaiHau.InfoBot.Core.Tests.Understanding;

/// <summary>The way residents type, reduced to the same syllables, with the repository's own abbreviations.yaml.</summary>
public sealed class QuestionNormalizerTests
{
    private static readonly QuestionNormalizer Normalizer = EngineHarness.Repo.Questions.Normalizer;

    [Theory]
    // Case, diacritics, đ, punctuation, stray spaces, decomposed input
    [InlineData("Bảo Hiểm Y Tế??", "bao hiem y te")]
    [InlineData("ĐƯỢC  KHÔNG", "duoc khong")]
    [InlineData("Ba\u0309o hie\u0302\u0309m", "bao hiem")]
    [InlineData("hỗ\u200Btrợ", "ho tro")]
    // Letters held down
    [InlineData("khôngggg", "khong")]
    [InlineData("dcccc", "duoc")]
    [InlineData("vâââng", "vang")]
    [InlineData("vay ưu đãi", "vay uu dai")]
    // A consonant held down is noise, not the short form its letter would be ("z" = "vậy", "k" = "không")
    [InlineData("zzzz", "")]
    [InlineData("kkkk vay vốn", "vay von")]
    // Short forms and teen code
    [InlineData("ho can ngheo co duoc bhyt ko", "ho can ngheo co duoc bao hiem y te khong")]
    [InlineData("hok đc", "khong duoc")]
    [InlineData("hộ cn vay nhcs", "ho can ngheo vay ngan hang chinh sach xa hoi")]
    [InlineData("nhcsxh cho vay bn", "ngan hang chinh sach xa hoi cho vay bao nhieu")]
    [InlineData("e muốn hỏi j", "em muon hoi gi")]
    [InlineData("a hỏi ntn", "anh hoi nhu the nao")]
    [InlineData("mk ở vs mẹ", "minh o voi me")]
    [InlineData("mik k bt", "minh khong biet")]
    [InlineData("ng già", "nguoi gia")]
    [InlineData("đăng kí", "dang ky")]
    [InlineData("fải làm ntn", "phai lam nhu the nao")]
    [InlineData("wá khó", "qua kho")]
    // «ng» before e, ê, i is written «ngh»: «hộ ngèo» is a poor household, «ngỉ việc» leaving a job.
    [InlineData("hộ ngèo", "ho ngheo")]
    [InlineData("ngỉ việc", "nghi viec")]
    // «bh», «yt» typed apart: «bh yt cận nghèo» is «bảo hiểm y tế».
    [InlineData("bh yt", "bao hiem y te")]
    // Short forms written with a doubled letter are read before letters held down are collapsed
    [InlineData("lãi suất vay hssv", "lai suat vay hoc sinh sinh vien")]
    [InlineData("làm cccd ở đâu", "lam can cuoc cong dan o dau")]
    [InlineData("ttin về bhyt", "thong tin ve bao hiem y te")]
    [InlineData("trung tâm gdnn", "trung tam giao duc nghe nghiep")]
    [InlineData("trung tâm dvvl", "trung tam dich vu viec lam")]
    [InlineData("e đag cần việc lm", "em dang can viec lam")]
    // Numbers: any amount is "0", its unit stays
    [InlineData("vay 50tr", "vay 0 trieu")]
    [InlineData("1tr5 một tháng", "0 trieu mot thang")]
    [InlineData("800k", "0 nghin")]
    [InlineData("1.500.000 đồng", "0 dong")]
    [InlineData("1,5tr/ng/tháng", "0 trieu nguoi thang")]
    [InlineData("năm 2022-2025", "nam 0")]
    // A school level is words, as the entries write it; an amount granted stays a number
    [InlineData("con học cấp 3 có được miễn học phí không", "con hoc cap ba co duoc mien hoc phi khong")]
    [InlineData("học phí cấp 2?", "hoc phi cap hai")]
    [InlineData("được cấp 2 triệu", "duoc cap 0 trieu")]
    // The «vậy» closing a question is a particle, not the loan («vay») it folds to; the loan at the end stays
    [InlineData("tiền già được bao nhiêu vậy?", "tien gia duoc bao nhieu")]
    [InlineData("hoc nghe o dau z a", "hoc nghe o dau")]
    [InlineData("the bhyt het han thi sao vay", "the bao hiem y te het han thi sao")]
    [InlineData("tôi muốn đi vay", "toi muon di vay")]
    // The polite «ạ» closing a question says nothing of it; folded it read «anh». A plain «a» after a noun may be «anh».
    [InlineData("còn vụ vay vốn nuôi lợn thì sao ạ", "con vu vay von nuoi lon thi sao")]
    [InlineData("vay von nuoi lon duoc khong a", "vay von nuoi lon duoc khong")]
    [InlineData("nhà em hộ nghèo ạ", "nha em ho ngheo")]
    // «ah», «ak» are «ạ» typed without marks, never «anh»: a letter's ask closed «… có được hưởng không ah?»
    [InlineData("mẹ tôi xạ trị có được hưởng không ah", "me toi xa tri co duoc huong khong")]
    [InlineData("nha em duoc vay von ak", "nha em duoc vay von")]
    [InlineData("viec lam cho chi gai va a", "viec lam cho chi gai va anh")]
    [InlineData("xin chào ạ", "xin chao anh")]
    [InlineData("ai cho vay", "ai cho vay")]
    [InlineData("vậy cho hỏi vay ở đâu", "vay o dau")] // the opening «vậy» is no loan, and «cho hỏi» is then courtesy
    public void Reduces_what_residents_type_to_the_same_syllables(string typed, string expected) =>
        Assert.Equal(expected, Normalizer.Normalize(typed));

    [Theory]
    // Words that look like short forms but are real words once folded stay as they are
    [InlineData("nhà ở", "nha o")]          // "nha" is not "nhé"
    [InlineData("mái nhà hỏng", "mai nha hong")]
    [InlineData("ngân hàng", "ngan hang")]
    [InlineData("điểm B", "diem b")]
    [InlineData("thủ tục", "thu tuc")]
    public void Leaves_real_words_alone(string typed, string expected) =>
        Assert.Equal(expected, Normalizer.Normalize(typed));

    [Theory]
    // Typed with marks, «đẻ» and «chửa» are a birth and a pregnancy, not «để» and «chưa», which weigh nothing
    [InlineData("đẻ ở bệnh viện huyện", "sinh o benh vien huyen")]
    [InlineData("Đẻ non có được hỗ trợ", "sinh non co duoc ho tro")]
    [InlineData("vợ em đang có chửa", "vo em dang co thai")]
    // Typed plain, or as the function words, they stay what they mostly are
    [InlineData("de o benh vien huyen", "de o benh vien huyen")]
    [InlineData("làm thế nào để được vay", "lam the nao de duoc vay")]
    [InlineData("chưa có thẻ", "chua co the")]
    [InlineData("chữa bệnh", "chua benh")]
    public void Birth_and_pregnancy_typed_with_marks_are_not_function_words(string typed, string expected) =>
        Assert.Equal(expected, Normalizer.Normalize(typed));

    [Theory]
    // «có thể» (can) is no «có thẻ» (has a card): typed «thể», or plain before a verb, it is left out
    [InlineData("em có thể xin việc ở đâu", "em co xin viec o dau")]
    [InlineData("hộ cận nghèo có thể học nghề miễn phí không", "ho can ngheo co hoc nghe mien phi khong")]
    [InlineData("co the vay 100tr ko", "co vay 0 trieu khong")]
    [InlineData("có thẻ bhyt rồi có phải mua nữa không", "co the bao hiem y te roi co phai mua nua khong")]
    [InlineData("co the bhyt ho ngheo", "co the bao hiem y te ho ngheo")]
    public void Can_is_not_a_card(string typed, string expected) =>
        Assert.Equal(expected, Normalizer.Normalize(typed));

    [Theory]
    // «sắp» (soon) is no «sáp» of «sáp nhập»: typed «sắp» it is left out, except in «sắp xếp»; plain, it stays
    [InlineData("có lớp may nào sắp mở không", "co lop may nao mo khong")]
    [InlineData("sáp nhập xã rồi thì nộp ở đâu", "sap nhap xa roi thi nop o dau")]
    [InlineData("sắp xếp xã mới thì giấy tờ có phải đổi không", "sap xep xa moi thi giay to co phai doi khong")]
    [InlineData("sap nhap xa", "sap nhap xa")]
    public void Soon_is_not_a_merger(string typed, string expected) =>
        Assert.Equal(expected, Normalizer.Normalize(typed));

    [Theory]
    // «vậy» (so) is no «vay» (to borrow): typed «vậy» or a short form only «vậy» has, or plain before «là», «sao», «à»
    [InlineData("vậy là không giúp được", "la khong giup duoc")]
    [InlineData("vay sao k ai bao", "sao khong ai bao")]
    [InlineData("zậy thì sao", "thi sao")]
    [InlineData("vz la sao", "la sao")]
    // ... plain anywhere else it stays the loan
    [InlineData("vay von nuoi lon", "vay von nuoi lon")]
    [InlineData("vay mà không trả được thì sao", "vay ma khong tra duoc thi sao")]
    [InlineData("hộ nghèo vay được bao nhiêu", "ho ngheo vay duoc bao nhieu")]
    public void So_is_not_a_loan(string typed, string expected) =>
        Assert.Equal(expected, Normalizer.Normalize(typed));

    [Theory]
    // Courtesy before the question is not the question: an address, a greeting, «cho em hỏi»
    [InlineData("ad oi cho e hoi ho ngheo dc ho tro nhung gi a", "ho ngheo duoc ho tro nhung gi")]
    [InlineData("Chào bạn, cho mình hỏi vay vốn hộ nghèo ở đâu", "vay von ho ngheo o dau")]
    [InlineData("em chào cô ạ, em muốn hỏi về học nghề", "hoc nghe")]
    // ... and the word that introduces the matter: «cái» folds to the «cài» of installing an app, «vụ» to nothing asked
    [InlineData("muốn hỏi cái bảo hiểm y tế", "bao hiem y te")]
    [InlineData("e hỏi vụ hộ nghèo", "ho ngheo")]
    [InlineData("em hỏi về vay vốn", "vay von")]
    // ... and what opens it: surprise, or a new question after the last
    [InlineData("à mà muốn vay tiền mua bò thì sao", "muon vay tien mua bo thi sao")]
    [InlineData("ủa mà con tôi học lớp 6 có phải đóng học phí không", "con toi hoc lop 0 co phai dong hoc phi khong")]
    [InlineData("anh muốn hỏi vay vốn", "vay von")]
    [InlineData("Mà hỏi luôn, chồng tôi muốn học lái máy xúc", "chong toi muon hoc lai may xuc")]
    [InlineData("cô ơi nhân tiện tôi hỏi sổ đỏ bị mất", "so do bi mat")]
    [InlineData("ad oi cho e hoi them, dang ky ket hon o dau", "dang ky ket hon o dau")]
    [InlineData("anh chị ơi xin hỏi chút thẻ bhyt hết hạn", "the bao hiem y te het han")]
    [InlineData("bà ơi cháu hỏi tí, nhà cháu nghèo lắm có vay được không", "nha chau ngheo lam co vay duoc khong")]
    // Left whole when little would be left, or when it is no courtesy
    [InlineData("chào cháu", "chao chau")]
    [InlineData("cho em hỏi", "cho em hoi")]
    [InlineData("e muốn hỏi j", "em muon hoi gi")]
    [InlineData("cho con đi học có được vay không", "cho con di hoc co duoc vay khong")]
    [InlineData("có ai không", "co ai khong")]
    [InlineData("em hỏi việc làm", "em hoi viec lam")]
    public void Drops_the_courtesy_before_a_question(string typed, string expected) =>
        Assert.Equal(expected, Normalizer.Normalize(typed));

    [Theory]
    // Leave to ask, and nothing asked yet: older residents open so and wait
    [InlineData("cho bà hỏi tí", true)]
    [InlineData("cháu ơi bà hỏi tí", true)]
    [InlineData("cháu ơi cho bác hỏi", true)]
    [InlineData("ad ơi cho e hỏi tí", true)]
    [InlineData("bà hỏi cái này", true)]
    [InlineData("cho em hỏi", true)]
    [InlineData("đợi bà tí", true)]
    [InlineData("chờ chút nhé", true)]
    [InlineData("từ từ đã cháu ơi", true)]
    [InlineData("đợi bao lâu thì có tiền", false)]
    // ... not when something is asked after it, or the ask is the question
    [InlineData("bà hỏi cái này hộ nghèo được gì", false)]
    [InlineData("bà ơi cháu hỏi tí, nhà cháu nghèo lắm có vay được không", false)]
    [InlineData("e muốn hỏi j", false)]
    [InlineData("em hỏi việc làm", false)]
    [InlineData("cho con đi học có được vay không", false)]
    public void Knows_a_message_that_only_asks_leave_to_ask(string typed, bool only) =>
        Assert.Equal(only, Normalizer.IsCourtesyOnly(typed));

    [Fact]
    public void With_and_without_diacritics_give_the_same_tokens() =>
        Assert.Equal(
            Normalizer.Tokens("Nhà e bị dột có đc hỗ trợ khôngggg???"),
            Normalizer.Tokens("nha em bi dot co duoc ho tro khong"));

    [Fact]
    public void Words_keep_the_diacritics_typed_beside_each_token()
    {
        // A decomposed «ỗ», a held-down letter, an expanded short form and a number: each token keeps its own word.
        var words = Normalizer.Words("Nhà tôi thuộc hộ nghèo, co\u0302\u0303 đc 2tr khôngggg");

        Assert.Equal(Normalizer.Tokens("Nhà tôi thuộc hộ nghèo, cỗ đc 2tr khôngggg"), words.Select(w => w.Token).ToList());
        Assert.Equal("thuộc", words[2].Marked);
        Assert.Equal("cỗ", words[5].Marked);
        Assert.Equal("không", words[^1].Marked);
        Assert.All(words.Where(w => w.Token is "duoc" or "0" or "trieu"), w => Assert.Null(w.Marked));
    }

    [Theory]
    [InlineData("tìm viêc làm thêm", 1, "viec")] // «việc» without its dot
    [InlineData("bà tôi mât rồi", 2, "mat")]
    [InlineData("nhà tôi đươc hộ cận nghèo", 2, "duoc")]
    public void A_closed_syllable_typed_without_its_tone_is_read_as_typed_plain(string typed, int at, string token)
    {
        // A syllable ending in c, ch, p or t always carries the sắc or the nặng tone: the mark was missed, so the word
        // may be any word it folds from, as if typed plain.
        var words = Normalizer.Words(typed);

        Assert.Equal(token, words[at].Token);
        Assert.Null(words[at].Marked);
        Assert.Equal("việc", Normalizer.Words("tìm việc làm thêm")[1].Marked); // with its tone, as typed
    }

    [Fact]
    public void Words_typed_without_diacritics_carry_none() =>
        Assert.All(Normalizer.Words("nha toi thuoc ho ngheo"), w => Assert.Null(w.Marked));

    [Fact]
    public void Emoji_and_punctuation_alone_give_no_tokens() =>
        Assert.Empty(Normalizer.Tokens("🙂 ...?!"));

    [Fact]
    public void Without_abbreviations_only_folding_and_numbers_apply() =>
        Assert.Equal("ko duoc bhyt 0 trieu", new QuestionNormalizer(Abbreviations.None).Normalize("Ko được BHYT 2tr"));
}
