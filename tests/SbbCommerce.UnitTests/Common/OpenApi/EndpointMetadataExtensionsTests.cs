using Microsoft.AspNetCore.Authorization;
using SbbCommerce.Api.Common.OpenApi;

namespace SbbCommerce.UnitTests.Common.OpenApi;

public sealed class EndpointMetadataExtensionsTests
{
    [Fact]
    public void Given_endpoint_metadata_Then_Has_finds_an_item_by_its_type_or_interface()
    {
        IList<object> metadata = [new AuthorizeAttribute(), "other"];

        Assert.True(metadata.Has<AuthorizeAttribute>());
        Assert.True(metadata.Has<IAuthorizeData>());
        Assert.False(metadata.Has<IAllowAnonymous>());
    }
}
