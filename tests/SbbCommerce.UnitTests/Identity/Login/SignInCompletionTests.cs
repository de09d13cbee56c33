using Microsoft.AspNetCore.Http;
using SbbCommerce.Api.Modules.Identity.Contracts;
using SbbCommerce.Api.Modules.Identity.Data;
using SbbCommerce.Api.Modules.Identity.Login;

namespace SbbCommerce.UnitTests.Identity.Login;

/// <summary>The sign-in itself (session, event, tokens) runs against PostgreSQL in the Login and OAuth integration tests.</summary>
public sealed class SignInCompletionTests
{
    [Theory]
    [InlineData(UserStatus.Suspended, true)]
    [InlineData(UserStatus.Banned, true)]
    [InlineData(UserStatus.Deleted, true)]
    [InlineData(UserStatus.Active, false)]
    [InlineData(UserStatus.PendingVerification, false)]
    public void Given_an_account_status_When_checked_Then_only_suspended_banned_and_deleted_are_barred(UserStatus status, bool barred)
    {
        Assert.Equal(barred, SignInCompletion.IsBarred(new User { Email = "ada@example.com", Status = status }));
    }

    [Fact]
    public void Given_a_barred_account_When_answered_Then_it_is_403_account_suspended()
    {
        var problem = SignInCompletion.Barred();

        Assert.Equal(StatusCodes.Status403Forbidden, problem.StatusCode);
        Assert.Equal("account_suspended", problem.ProblemDetails.Extensions["code"]);
    }
}
