using System.Globalization;
using Microsoft.AspNetCore.Identity;

namespace HaiHau.InfoBot.Host.OfficerConsole;

/// <summary>Identity's messages in Vietnamese, for the ones an admin creating an account can meet.</summary>
public sealed class VietnameseIdentityErrors : IdentityErrorDescriber
{
    public override IdentityError PasswordTooShort(int length) =>
        new() { Code = nameof(PasswordTooShort), Description = string.Format(CultureInfo.InvariantCulture, "Mật khẩu phải có ít nhất {0} ký tự.", length) };

    public override IdentityError PasswordRequiresDigit() =>
        new() { Code = nameof(PasswordRequiresDigit), Description = "Mật khẩu phải có ít nhất một chữ số." };

    public override IdentityError PasswordRequiresLower() =>
        new() { Code = nameof(PasswordRequiresLower), Description = "Mật khẩu phải có ít nhất một chữ thường." };

    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) =>
        new() { Code = nameof(PasswordRequiresUniqueChars), Description = string.Format(CultureInfo.InvariantCulture, "Mật khẩu phải có ít nhất {0} ký tự khác nhau.", uniqueChars) };

    public override IdentityError DuplicateEmail(string email) =>
        new() { Code = nameof(DuplicateEmail), Description = "Đã có tài khoản với địa chỉ thư điện tử này." };

    public override IdentityError DuplicateUserName(string userName) =>
        new() { Code = nameof(DuplicateUserName), Description = "Đã có tài khoản với địa chỉ thư điện tử này." };

    public override IdentityError InvalidEmail(string? email) =>
        new() { Code = nameof(InvalidEmail), Description = "Địa chỉ thư điện tử không hợp lệ." };

    public override IdentityError InvalidUserName(string? userName) =>
        new() { Code = nameof(InvalidUserName), Description = "Địa chỉ thư điện tử không hợp lệ." };
}
