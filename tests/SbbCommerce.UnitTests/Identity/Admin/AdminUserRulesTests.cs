using Microsoft.AspNetCore.Http;
using SbbCommerce.Api.Common.Auth;
using SbbCommerce.Api.Modules.Identity.Admin;
using SbbCommerce.Api.Modules.Identity.Contracts;
using SbbCommerce.Api.Modules.Identity.Data;

namespace SbbCommerce.UnitTests.Identity.Admin;

public sealed class AdminUserRulesTests
{
    private static readonly Actor PlainAdmin = new(UserRoleLabels.Admin);
    private static readonly Actor SuperAdmin = new(UserRoleLabels.SuperAdmin);

    [Theory]
    [InlineData(UserRole.Customer)]
    [InlineData(UserRole.Wholesale)]
    public void Given_a_plain_admin_and_a_customer_account_When_checked_Then_the_admin_may_act(UserRole role)
    {
        Assert.True(AdminUserRules.MayManage(PlainAdmin, Target(role), out var refusal));
        Assert.Null(refusal);
    }

    [Theory]
    [InlineData(UserRole.Admin)]
    [InlineData(UserRole.SuperAdmin)]
    public void Given_a_plain_admin_and_a_staff_account_When_checked_Then_it_is_403_role_change_forbidden(UserRole role)
    {
        Assert.False(AdminUserRules.MayManage(PlainAdmin, Target(role), out var refusal));
        Assert.Equal(StatusCodes.Status403Forbidden, refusal.StatusCode);
        Assert.Equal("role_change_forbidden", refusal.ProblemDetails.Extensions["code"]);
    }

    [Fact]
    public void Given_a_super_admin_and_a_staff_account_When_checked_Then_the_super_admin_may_act()
    {
        Assert.True(AdminUserRules.MayManage(SuperAdmin, Target(UserRole.Admin), out _));
    }

    [Fact]
    public void Given_no_user_When_checked_Then_it_is_404_user_not_found()
    {
        Assert.False(AdminUserRules.MayManage(SuperAdmin, null, out var refusal));
        Assert.Equal(StatusCodes.Status404NotFound, refusal.StatusCode);
        Assert.Equal("user_not_found", refusal.ProblemDetails.Extensions["code"]);
    }

    private static User Target(UserRole role) => new() { Id = Guid.CreateVersion7(), Email = "someone@example.com", Role = role };

    private sealed record Actor(string Role) : ICurrentUser
    {
        public bool IsAuthenticated => true;

        public Guid? UserId { get; } = Guid.CreateVersion7();

        public string? Email => "admin@example.com";

        public Guid? SessionId => null;
    }
}
