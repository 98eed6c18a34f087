package org.journeykit.model;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Optional;
import java.util.Objects;
import org.immutables.value.Value;
import org.journeykit.internal.Checks;

/**
 * A contact channel (kanaal): the medium of a touchpoint, such as phone, e-mail or a store visit.
 *
 * <p>The standard channels that customer-service literature names are ready as constants ({@link #PHONE},
 * {@link #EMAIL}, ...; all of them in {@link #standardChannels()}); an organisation adds its own with
 * {@link #of(String, String, ChannelKind)} or {@link #builder()}. Two channels are equal when all their fields are.
 *
 * <p>This class is immutable and thread-safe.
 */
@Value.Immutable
public abstract class Channel {

    /** Telephone contact with an agent. */
    public static final Channel PHONE = of("phone", "Phone", ChannelKind.ASSISTED);
    /** E-mail, for less urgent questions or when documents are needed. */
    public static final Channel EMAIL = of("email", "E-mail", ChannelKind.ASSISTED);
    /** Live chat with an agent on the website or in the app. */
    public static final Channel LIVE_CHAT = of("live-chat", "Live chat", ChannelKind.ASSISTED);
    /** Customer care on social media. */
    public static final Channel SOCIAL_MEDIA = of("social-media", "Social media", ChannelKind.ASSISTED);
    /** A self-service portal where customers find answers and do tasks themselves. */
    public static final Channel SELF_SERVICE_PORTAL =
            of("self-service-portal", "Self-service portal", ChannelKind.SELF_SERVICE);
    /** A chatbot or virtual assistant for simple questions and routine tasks. */
    public static final Channel CHATBOT = of("chatbot", "Chatbot / virtual assistant", ChannelKind.AUTOMATED);
    /** A visit to the organisation's website. */
    public static final Channel WEBSITE = of("website", "Website", ChannelKind.SELF_SERVICE);
    /** The organisation's mobile app. */
    public static final Channel MOBILE_APP = of("mobile-app", "Mobile app", ChannelKind.SELF_SERVICE);
    /** A visit to a store or office. */
    public static final Channel STORE = of("store", "Store visit", ChannelKind.PHYSICAL);
    /** Messaging apps such as WhatsApp. */
    public static final Channel MESSAGING = of("messaging", "Messaging", ChannelKind.ASSISTED);
    /** Letters, post, printed manuals. */
    public static final Channel LETTER = of("letter", "Letter / post", ChannelKind.PHYSICAL);

    private static final List<Channel> STANDARD = List.of(PHONE, EMAIL, LIVE_CHAT, SOCIAL_MEDIA,
            SELF_SERVICE_PORTAL, CHATBOT, WEBSITE, MOBILE_APP, STORE, MESSAGING, LETTER);

    Channel() {}

    /**
     * The identifier that touchpoints and personas use to refer to this channel.
     *
     * @return the id: 1 to 128 characters, a letter or digit followed by letters, digits, '.', '_', ':' or '-'
     */
    @NotBlank
    @Size(max = 128)
    @Pattern(regexp = Ids.PATTERN)
    public abstract String getId();

    /**
     * The name shown to people.
     *
     * @return the name, not blank, at most 200 characters
     */
    @NotBlank
    @Size(max = 200)
    public abstract String getName();

    /**
     * How this channel serves the customer.
     *
     * @return the kind, not null
     */
    @NotNull
    public abstract ChannelKind getKind();

    /**
     * A description of the channel: opening hours, who answers, what it is for.
     *
     * @return the description, at most 2000 characters, or empty
     */
    public abstract Optional<@Size(max = 2000) String> getDescription();

    /**
     * Creates a channel.
     *
     * @param id the id, see {@link #getId()}, not null
     * @param name the name, not null, not blank
     * @param kind the kind, not null
     * @return the channel, not null
     * @throws NullPointerException if an argument is null
     * @throws org.journeykit.error.InvalidModelException if the id or name breaks its rule
     */
    public static Channel of(String id, String name, ChannelKind kind) {
        return builder()
                .id(Objects.requireNonNull(id, "id"))
                .name(Objects.requireNonNull(name, "name"))
                .kind(Objects.requireNonNull(kind, "kind"))
                .build();
    }

    /**
     * The standard channels of customer service, in the order the literature lists them: phone, e-mail, live chat,
     * social media, self-service portal, chatbot, website, mobile app, store visit, messaging, letter.
     *
     * @return an unmodifiable list, not null
     */
    public static List<Channel> standardChannels() {
        return STANDARD;
    }

    /**
     * Returns a copy with another name.
     *
     * @param name the new name, not null
     * @return the copy, not null
     * @throws org.journeykit.error.InvalidModelException if the name breaks its rule
     */
    public abstract Channel withName(String name);

    /**
     * Returns a copy with another description.
     *
     * @param description the new description, not null
     * @return the copy, not null
     * @throws org.journeykit.error.InvalidModelException if the description breaks its rule
     */
    public abstract Channel withDescription(String description);

    /**
     * A new, empty builder.
     *
     * @return the builder, not null
     */
    public static Builder builder() {
        return new Builder();
    }

    @Value.Check
    final void check() {
        Checks checks = Checks.of("Channel", getId());
        checks.id("id", getId()).text("name", getName(), 200);
        checks.required("kind", getKind());
        checks.text("description", getDescription(), 2000);
        checks.throwIfAny();
    }

    /**
     * Builds a {@link Channel}. Required: id, name, kind.
     *
     * <p>A builder is not thread-safe.
     */
    public static final class Builder extends ImmutableChannel.Builder {
        Builder() {}
    }
}
