package org.journeykit.examples.data;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;
import org.journeykit.metrics.journeys.attribution.ChannelPath;
import org.journeykit.model.Channel;
import org.journeykit.model.EmotionScale;
import org.journeykit.model.Journey;
import org.journeykit.model.JourneyModel;
import org.journeykit.model.MomentKind;
import org.journeykit.model.Opportunity;
import org.journeykit.model.PainPoint;
import org.journeykit.model.Persona;
import org.journeykit.model.Phase;
import org.journeykit.model.Rating;
import org.journeykit.model.Touchpoint;
import org.journeykit.observed.InteractionEvent;
import org.journeykit.observed.Outcome;
import org.journeykit.observed.SurveyKind;
import org.journeykit.observed.SurveyResponse;
import org.journeykit.observed.SurveyScale;

/**
 * Realistic, deterministic sample data: the same seed always gives the same data.
 *
 * <p>The shapes follow what the seed articles describe: an online shop whose customers move from an ad or a search
 * through product pages, cart and checkout (with about 30 % of checkouts abandoned), a customer-service department answering
 * contacts on phone, e-mail, chat, chatbot and social media with contact reasons, handle times and first-contact
 * resolution, survey answers (NPS, CES 2.0, CSAT) attributed to agents over two half-years, the second better than
 * the first, and monthly purchases for cohort retention.
 */
public final class SampleData {

    /** The first day of the sample period, 1 July 2025 (UTC). */
    public static final LocalDate START = LocalDate.of(2025, 7, 1);

    /** The shop's touchpoints in planned order. */
    public static final List<String> SHOP_STEPS = List.of("see-ad", "visit-site", "view-product", "add-to-cart",
            "checkout", "pay", "confirmation-mail");

    private static final List<String> AGENTS = List.of("agent-anna", "agent-bram", "agent-chris", "agent-dewi",
            "agent-eva", "agent-femke");
    private static final List<String> REASONS = List.of("invoice", "delivery", "return", "password", "contract",
            "complaint");
    private static final List<String> SERVICE_CHANNELS = List.of("phone", "email", "live-chat", "chatbot",
            "social-media");

    private SampleData() {}

    private static RandomGenerator random(long seed) {
        return RandomGeneratorFactory.of("L64X128MixRandom").create(seed);
    }

    /**
     * The online shop's model: the persona Noor, and the planned purchase journey from awareness to purchase.
     *
     * @return the model, not null
     */
    public static JourneyModel onlineShop() {
        EmotionScale scale = EmotionScale.FIVE_POINT;
        Persona noor = Persona.builder().id("noor").name("Noor, busy parent")
                .quote("If checkout takes more than two minutes, I'm gone.")
                .addGoals("Order school supplies in one go").addPreferredChannelIds("mobile-app", "email")
                .build();
        Journey purchase = Journey.builder()
                .id("online-purchase").name("Buy school supplies online").addPersonaIds("noor")
                .addPhases(Phase.AWARENESS, Phase.ORIENTATION, Phase.PURCHASE)
                .addTouchpoints(
                        Touchpoint.builder().id("see-ad").name("Sees a social-media ad").phaseId("awareness")
                                .channelId("social-media").department("Marketing").emotion(scale.emotion(1))
                                .momentKind(MomentKind.BRAND).rating(Rating.GOOD)
                                .expectedDuration(Duration.ofMinutes(1)).build(),
                        Touchpoint.builder().id("visit-site").name("Visits the web shop").phaseId("orientation")
                                .channelId("website").department("E-commerce").emotion(scale.emotion(1))
                                .momentKind(MomentKind.CUSTOMER).rating(Rating.SUFFICIENT)
                                .expectedDuration(Duration.ofMinutes(3)).build(),
                        Touchpoint.builder().id("view-product").name("Compares products").phaseId("orientation")
                                .channelId("website").department("E-commerce").emotion(scale.emotion(0))
                                .momentKind(MomentKind.TOP).rating(Rating.SUFFICIENT)
                                .expectedDuration(Duration.ofMinutes(10)).build(),
                        Touchpoint.builder().id("add-to-cart").name("Adds to cart").phaseId("purchase")
                                .channelId("website").department("E-commerce").emotion(scale.emotion(1))
                                .momentKind(MomentKind.CUSTOMER).rating(Rating.GOOD)
                                .expectedDuration(Duration.ofMinutes(2)).build(),
                        Touchpoint.builder().id("checkout").name("Fills in the checkout").phaseId("purchase")
                                .channelId("website").department("E-commerce").emotion(scale.emotion(-2))
                                .momentKind(MomentKind.TOP).rating(Rating.INSUFFICIENT).momentOfTruth(true)
                                .addPainPoints(PainPoint.of("forced-account", "Must create an account to pay", 5))
                                .addOpportunities(Opportunity.builder().id("guest-checkout")
                                        .description("Offer guest checkout").impact(5).effort(2)
                                        .addAddresses("forced-account").build())
                                .expectedDuration(Duration.ofMinutes(5)).build(),
                        Touchpoint.builder().id("pay").name("Pays").phaseId("purchase").channelId("website")
                                .department("Finance").emotion(scale.emotion(0)).momentKind(MomentKind.CUSTOMER)
                                .rating(Rating.SUFFICIENT).expectedDuration(Duration.ofMinutes(2)).build(),
                        Touchpoint.builder().id("confirmation-mail").name("Receives the order confirmation")
                                .phaseId("purchase").channelId("email").department("Logistics")
                                .emotion(scale.emotion(2)).momentKind(MomentKind.TOP).rating(Rating.GOOD)
                                .expectedDuration(Duration.ofMinutes(5)).build())
                .build();
        return JourneyModel.builder().title("Online shop").addPersonas(noor)
                .addAllChannels(Channel.standardChannels()).addJourneys(purchase).build();
    }

    /**
     * Shop events: each customer walks the planned steps in order and stops with a step-dependent probability;
     * about 30 % of the checkouts are abandoned. Some customers come back to the product pages after
     * dropping off. Events are sorted by time.
     *
     * @param customers how many customers, at least 1
     * @param seed the seed
     * @return the events, sorted by time, not null
     * @throws IllegalArgumentException if customers is less than 1
     */
    public static List<InteractionEvent> shopEvents(int customers, long seed) {
        requirePositive(customers, "customers");
        RandomGenerator random = random(seed);
        double[] continueAfter = {0.70, 0.80, 0.55, 0.65, 0.70, 0.97};
        String[] channels = {"social-media", "website", "website", "website", "website", "website", "email"};
        List<InteractionEvent> events = new ArrayList<>(customers * 4);
        Instant periodStart = START.atStartOfDay(ZoneOffset.UTC).toInstant();
        for (int c = 0; c < customers; c++) {
            String customer = "customer-" + c;
            Instant time = periodStart.plusSeconds(random.nextLong(90L * 24 * 3600));
            int step = random.nextDouble() < 0.25 ? 1 : 0;
            while (true) {
                boolean last = step == SHOP_STEPS.size() - 1 || random.nextDouble() >= continueAfter[step];
                events.add(InteractionEvent.builder().customerId(customer).time(time)
                        .touchpointId(SHOP_STEPS.get(step)).channelId(channels[step])
                        .outcome(last && step < SHOP_STEPS.size() - 1 ? Outcome.ABANDONED : Outcome.COMPLETED)
                        .build());
                if (last) {
                    if (step < SHOP_STEPS.size() - 1 && random.nextDouble() < 0.2) {
                        events.add(InteractionEvent.builder().customerId(customer)
                                .time(time.plus(1, ChronoUnit.DAYS)).touchpointId("view-product")
                                .channelId("mobile-app").build());
                    }
                    break;
                }
                step++;
                time = time.plusSeconds(30 + random.nextLong(600));
            }
        }
        events.sort(Comparator.comparing(InteractionEvent::getTime).thenComparing(InteractionEvent::getCustomerId));
        return events;
    }

    /**
     * Customer-service contacts over twelve months from {@link #START}: channel, contact reason (the
     * event's {@code activity}: invoice, delivery, return, password, contract or complaint), agent, handle time (the event's duration), the time until the question was resolved
     * (attribute {@code resolutionMinutes}), and whether the contact resolved the question at once
     * ({@link Outcome#COMPLETED}) or not ({@link Outcome#FAILED}). Phone and chat are busiest on weekday mornings; the second half-year resolves
     * more at first contact.
     *
     * @param contacts how many contacts, at least 1
     * @param seed the seed
     * @return the contacts, sorted by time, not null
     * @throws IllegalArgumentException if contacts is less than 1
     */
    public static List<InteractionEvent> serviceContacts(int contacts, long seed) {
        requirePositive(contacts, "contacts");
        RandomGenerator random = random(seed);
        List<InteractionEvent> events = new ArrayList<>(contacts);
        for (int i = 0; i < contacts; i++) {
            int day = random.nextInt(365);
            LocalDate date = START.plusDays(day);
            int weekday = date.getDayOfWeek().getValue();
            if (weekday >= 6 && random.nextDouble() < 0.7) {
                // Weekends are quiet: most weekend draws move to the Monday after.
                day = Math.min(364, day + 8 - weekday);
                date = START.plusDays(day);
                weekday = date.getDayOfWeek().getValue();
            }
            int hour = weekday >= 6 ? 10 + random.nextInt(6) : (random.nextDouble() < 0.6 ? 8 + random.nextInt(4)
                    : 12 + random.nextInt(8));
            Instant time = date.atTime(hour, random.nextInt(60)).toInstant(ZoneOffset.UTC);
            String channel = pick(random, SERVICE_CHANNELS, new double[] {0.35, 0.25, 0.2, 0.12, 0.08});
            String reason = pick(random, REASONS, new double[] {0.3, 0.22, 0.15, 0.13, 0.12, 0.08});
            double resolveChance = (day < 184 ? 0.68 : 0.76) - (reason.equals("complaint") ? 0.2 : 0);
            long handleSeconds = switch (channel) {
                case "phone" -> 240 + random.nextLong(600);
                case "live-chat" -> 300 + random.nextLong(900);
                case "email" -> 180 + random.nextLong(420);
                case "chatbot" -> 60 + random.nextLong(180);
                default -> 120 + random.nextLong(300);
            };
            boolean resolved = random.nextDouble() < resolveChance;
            // Resolution time: minutes when solved at first contact, otherwise hours to days (log-normal).
            long resolutionMinutes = resolved ? handleSeconds / 60 + 1
                    : Math.round(Math.exp(5.5 + random.nextGaussian() * 0.9));
            events.add(InteractionEvent.builder().customerId("customer-" + random.nextInt(contacts / 2 + 1))
                    .time(time).activity(reason).channelId(channel).phaseId("support")
                    .agentId(AGENTS.get(random.nextInt(AGENTS.size())))
                    .outcome(resolved ? Outcome.COMPLETED : Outcome.FAILED)
                    .duration(Duration.ofSeconds(handleSeconds))
                    .putAttribute("resolutionMinutes", Long.toString(resolutionMinutes))
                    .build());
        }
        events.sort(Comparator.comparing(InteractionEvent::getTime).thenComparing(InteractionEvent::getCustomerId));
        return events;
    }

    /**
     * Survey answers over twelve months from {@link #START}: a third NPS (0-10), a third CES 2.0 (1-7), a third
     * CSAT (1-5), each attributed to an agent and a channel. Agents differ in quality, and the second half-year is
     * better than the first.
     *
     * @param responses how many answers, at least 1
     * @param seed the seed
     * @return the answers, sorted by time, not null
     * @throws IllegalArgumentException if responses is less than 1
     */
    public static List<SurveyResponse> surveys(int responses, long seed) {
        requirePositive(responses, "responses");
        RandomGenerator random = random(seed);
        List<SurveyResponse> answers = new ArrayList<>(responses);
        Instant periodStart = START.atStartOfDay(ZoneOffset.UTC).toInstant();
        for (int i = 0; i < responses; i++) {
            long second = random.nextLong(365L * 24 * 3600);
            Instant time = periodStart.plusSeconds(second);
            boolean secondHalf = second >= 184L * 24 * 3600;
            int agent = random.nextInt(AGENTS.size());
            double quality = 0.62 + 0.04 * agent + (secondHalf ? 0.04 : 0) + random.nextGaussian() * 0.18;
            SurveyResponse.Builder answer = SurveyResponse.builder().time(time).agentId(AGENTS.get(agent))
                    .channelId(SERVICE_CHANNELS.get(random.nextInt(SERVICE_CHANNELS.size())))
                    .respondentId("respondent-" + random.nextInt(responses))
                    .journeyId("customer-service");
            switch (i % 3) {
                case 0 -> answer.kind(SurveyKind.NPS).scale(SurveyScale.ZERO_TO_TEN).score(clamp(quality + 0.12, 0, 10));
                case 1 -> answer.kind(SurveyKind.CES).scale(SurveyScale.ONE_TO_SEVEN).score(clamp(quality, 1, 7));
                default -> answer.kind(SurveyKind.CSAT).scale(SurveyScale.ONE_TO_FIVE).score(clamp(quality, 1, 5));
            }
            answers.add(answer.build());
        }
        answers.sort(Comparator.comparing(SurveyResponse::getTime));
        return answers;
    }

    /**
     * Purchase activity for retention: customers arrive over twelve months from {@link #START} and buy again in
     * later months with a probability that decays with their age (about 40 % in the first month after arrival,
     * levelling off near 15 %). Each event has activity {@code purchase} and an attribute {@code amount} in euros.
     *
     * @param customers how many customers, at least 1
     * @param seed the seed
     * @return the events, sorted by time, not null
     * @throws IllegalArgumentException if customers is less than 1
     */
    public static List<InteractionEvent> purchases(int customers, long seed) {
        requirePositive(customers, "customers");
        RandomGenerator random = random(seed);
        List<InteractionEvent> events = new ArrayList<>();
        for (int c = 0; c < customers; c++) {
            int arrival = random.nextInt(12);
            for (int month = arrival; month < 12; month++) {
                int age = month - arrival;
                double chance = age == 0 ? 1.0 : 0.15 + 0.25 * Math.pow(0.6, age - 1);
                if (random.nextDouble() < chance) {
                    LocalDate day = START.plusMonths(month).plusDays(random.nextInt(28));
                    events.add(InteractionEvent.builder().customerId("customer-" + c)
                            .time(day.atTime(9 + random.nextInt(12), 0).toInstant(ZoneOffset.UTC))
                            .activity("purchase").channelId("website").outcome(Outcome.COMPLETED)
                            .putAttribute("amount", Integer.toString(20 + random.nextInt(80)))
                            .build());
                }
            }
        }
        events.sort(Comparator.comparing(InteractionEvent::getTime).thenComparing(InteractionEvent::getCustomerId));
        return events;
    }

    /**
     * Marketing paths for channel attribution: each customer meets one to four channels (search, social, email,
     * display, direct) before converting or not; paths with search and email convert more often. Identical
     * channel sequences are aggregated into one {@link ChannelPath} with their conversions, conversion value and
     * non-conversions, in first-seen order.
     *
     * @param customers how many customers, at least 1
     * @param seed the seed
     * @return the aggregated paths, not null
     * @throws IllegalArgumentException if customers is less than 1
     */
    public static List<ChannelPath> marketingPaths(int customers, long seed) {
        requirePositive(customers, "customers");
        RandomGenerator random = random(seed);
        List<String> channels = List.of("search", "social", "email", "display", "direct");
        double[] weights = {0.3, 0.25, 0.2, 0.15, 0.1};
        java.util.Map<List<String>, long[]> counts = new java.util.LinkedHashMap<>();
        java.util.Map<List<String>, double[]> values = new java.util.HashMap<>();
        for (int c = 0; c < customers; c++) {
            int length = 1 + random.nextInt(4);
            List<String> path = new ArrayList<>(length);
            double chance = 0.02;
            for (int i = 0; i < length; i++) {
                String channel = pick(random, channels, weights);
                path.add(channel);
                chance += switch (channel) {
                    case "search" -> 0.06;
                    case "email" -> 0.05;
                    case "direct" -> 0.04;
                    case "display" -> 0.01;
                    default -> 0.02;
                };
            }
            boolean converted = random.nextDouble() < chance;
            long[] count = counts.computeIfAbsent(List.copyOf(path), key -> new long[2]);
            count[converted ? 0 : 1]++;
            if (converted) {
                values.computeIfAbsent(List.copyOf(path), key -> new double[1])[0] += 20 + random.nextInt(80);
            }
        }
        List<ChannelPath> paths = new ArrayList<>(counts.size());
        counts.forEach((path, count) -> paths.add(ChannelPath.of(path, count[0],
                values.getOrDefault(path, new double[1])[0], count[1])));
        return paths;
    }

    private static int clamp(double quality, int min, int max) {
        long value = Math.round(min + quality * (max - min));
        return (int) Math.max(min, Math.min(max, value));
    }

    private static String pick(RandomGenerator random, List<String> values, double[] weights) {
        double draw = random.nextDouble();
        double sum = 0;
        for (int i = 0; i < values.size(); i++) {
            sum += weights[i];
            if (draw < sum) {
                return values.get(i);
            }
        }
        return values.get(values.size() - 1);
    }

    private static void requirePositive(int count, String name) {
        if (count < 1) {
            throw new IllegalArgumentException(name + " must be at least 1, was " + count);
        }
    }
}
