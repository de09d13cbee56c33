using SbbCommerce.IntegrationTests.Identity.OAuth;

namespace SbbCommerce.IntegrationTests.Identity.LinkedAccounts;

public sealed class LinkedAccountTests(OAuthFixture fixture) : IClassFixture<OAuthFixture>
{
    private string GoogleToken(string subject, string email) =>
        fixture.GoogleToken(new IdTokenClaims(subject, OAuthFixture.GoogleClientId, email));

    [Fact]
    public async Task Given_an_account_created_with_google_When_unlinking_setting_a_password_and_unlinking_again_Then_only_the_last_way_in_is_kept()
    {
        var email = IdentityApi.NewEmail("oauth-only");
        var token = GoogleToken(OAuthFixture.NewSubject(), email);
        var (userId, accessToken, _) = await OAuthFixture.SignedInAsync(await fixture.PostAsync("google", new { idToken = token }));
        var (_, otherDevice, _) = await OAuthFixture.SignedInAsync(await fixture.PostAsync("google", new { idToken = token }));
        var client = fixture.CreateClient().WithBearer(accessToken);

        var me = await (await client.GetAsync("/api/v1/me")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(["google"], me.GetProperty("linkedProviders").EnumerateArray().Select(p => p.GetString()));
        Assert.False(me.GetProperty("hasPassword").GetBoolean());

        await (await client.DeleteAsync("/api/v1/me/linked-accounts/google")).AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "last_sign_in_method");

        var set = await client.PostAsJsonAsync("/api/v1/me/password", new { newPassword = IdentityApi.Password });
        Assert.Equal(HttpStatusCode.NoContent, set.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await fixture.CreateClient().WithBearer(otherDevice).GetAsync("/api/v1/me")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/me")).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync("/api/v1/me/linked-accounts/google")).StatusCode);
        Assert.Equal(0L, await fixture.ScalarAsync<long>("SELECT count(*) FROM external_logins WHERE user_id = @id", ("id", userId)));
        var session = await fixture.CreateClient().SignInAsync(email);
        Assert.Equal(userId, session.UserId);
    }

    [Fact]
    public async Task Given_a_password_account_When_linking_google_Then_later_google_sign_ins_reach_it_and_nobody_else_can_link_that_google_account()
    {
        var (_, session) = await fixture.CreateClient().NewCustomerAsync();
        var subject = OAuthFixture.NewSubject();
        var client = fixture.Authorized(session);

        var link = await client.PostAsJsonAsync("/api/v1/me/linked-accounts/google", new { idToken = GoogleToken(subject, IdentityApi.NewEmail("gmail")) });

        Assert.Equal(HttpStatusCode.OK, link.StatusCode);
        var linked = await (await client.GetAsync("/api/v1/me/linked-accounts")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("google", linked[0].GetProperty("provider").GetString());
        var (userId, _, _) = await OAuthFixture.SignedInAsync(await fixture.PostAsync("google", new { idToken = GoogleToken(subject, IdentityApi.NewEmail("whatever")) }));
        Assert.Equal(session.UserId, userId);

        var (_, intruder) = await fixture.CreateClient().NewCustomerAsync();
        var stolen = await fixture.Authorized(intruder).PostAsJsonAsync("/api/v1/me/linked-accounts/google", new { idToken = GoogleToken(subject, IdentityApi.NewEmail("x")) });
        await stolen.AssertProblemAsync(HttpStatusCode.Conflict, "provider_account_taken");
        var forged = await fixture.Authorized(intruder).PostAsJsonAsync("/api/v1/me/linked-accounts/google",
            new { idToken = fixture.GoogleToken(new IdTokenClaims(OAuthFixture.NewSubject(), "other-client", "y@example.test")) });
        await forged.AssertProblemAsync(HttpStatusCode.Unauthorized, "invalid_id_token");
    }

    [Fact]
    public async Task Given_a_password_When_changing_it_with_a_wrong_current_password_Then_401_and_with_the_right_one_204()
    {
        var (email, session) = await fixture.CreateClient().NewCustomerAsync();
        var client = fixture.Authorized(session);

        var wrong = await client.PostAsJsonAsync("/api/v1/me/password", new { newPassword = "Another-Password-77", currentPassword = "Not-The-One-11" });
        var missing = await client.PostAsJsonAsync("/api/v1/me/password", new { newPassword = "Another-Password-77" });
        var right = await client.PostAsJsonAsync("/api/v1/me/password", new { newPassword = "Another-Password-77", currentPassword = IdentityApi.Password });

        await wrong.AssertProblemAsync(HttpStatusCode.Unauthorized, "invalid_credentials");
        await missing.AssertProblemAsync(HttpStatusCode.Unauthorized, "invalid_credentials");
        Assert.Equal(HttpStatusCode.NoContent, right.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await fixture.CreateClient().LoginAsync(email, "Another-Password-77")).StatusCode);
        Assert.Equal(1L, await fixture.ScalarAsync<long>("SELECT count(*) FROM audit_logs WHERE resource_id = @id AND action = 'user.password_changed'", ("id", session.UserId)));
    }
}
