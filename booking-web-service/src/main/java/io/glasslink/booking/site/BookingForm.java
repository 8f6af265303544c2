package io.glasslink.booking.site;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

import io.glasslink.booking.availability.NetworkCalendar;
import io.glasslink.booking.diagnosis.Damage;
import io.glasslink.booking.diagnosis.DamageSize;
import io.glasslink.booking.diagnosis.DamageType;
import io.glasslink.booking.diagnosis.Mode;
import org.springframework.validation.Errors;

/**
 * Everything the booking pages collect, carried from step to step in the form itself (hidden
 * fields), so the site needs neither JavaScript nor a session. A mutable bean because Spring's
 * form binding and Thymeleaf's {@code th:field} work on properties; every step validates its fields.
 */
public class BookingForm {

    private static final Pattern POSTCODE = Pattern.compile("\\d{5}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9 .-]{6,20}");

    private String make;
    private String model;
    private Integer year;
    private String plate;
    private DamageType damageType;
    private DamageSize damageSize;
    private Boolean inDriverView;
    private Integer impacts;
    private String postcode;
    private Mode mode;
    private String slot;
    private String name;
    private String email;
    private String phone;
    private boolean consent;

    /** The steps, in order. */
    enum Step {
        VEHICLE, DAMAGE, DIAGNOSIS, WHERE, SLOT, CONTACT;

        String path() {
            return name().toLowerCase();
        }

        static Step of(String path) {
            for (Step s : values()) {
                if (s.path().equals(path)) {
                    return s;
                }
            }
            return null;
        }
    }

    /** The oldest vehicle the network services. */
    static final int OLDEST_YEAR = 1950;

    /** The newest model year a vehicle can have on the business day of {@code clock}: next year's models are sold. */
    static int newestYear(Clock clock) {
        return NetworkCalendar.today(clock.instant()).getYear() + 1;
    }

    /** Checks the fields a step collects, on the business day of {@code clock}; errors carry message codes the pages translate. */
    void validate(Step step, Errors errors, Clock clock) {
        switch (step) {
            case VEHICLE -> {
                required(errors, "make", make);
                required(errors, "model", model);
                if (year == null) {
                    errors.rejectValue("year", "error.required");
                } else if (year < OLDEST_YEAR || year > newestYear(clock)) {
                    errors.rejectValue("year", "error.year");
                }
                if (plate != null && plate.length() > 16) {
                    errors.rejectValue("plate", "error.plate");
                }
            }
            case DAMAGE -> {
                if (damageType == null) {
                    errors.rejectValue("damageType", "error.choose");
                }
                if (damageSize == null) {
                    errors.rejectValue("damageSize", "error.choose");
                }
                if (inDriverView == null) {
                    errors.rejectValue("inDriverView", "error.choose");
                }
                if (impacts == null || impacts < 1 || impacts > 20) {
                    errors.rejectValue("impacts", "error.impacts");
                }
            }
            case WHERE -> {
                if (postcode == null || !POSTCODE.matcher(postcode.trim()).matches()) {
                    errors.rejectValue("postcode", "error.postcode");
                }
                if (mode == null) {
                    errors.rejectValue("mode", "error.choose");
                }
            }
            case SLOT -> {
                if (slotCentre() == null || slotStart() == null) {
                    errors.rejectValue("slot", "error.slot");
                }
            }
            case CONTACT -> {
                required(errors, "name", name);
                if (email == null || !EMAIL.matcher(email.trim()).matches()) {
                    errors.rejectValue("email", "error.email");
                }
                if (phone == null || !PHONE.matcher(phone.trim()).matches()) {
                    errors.rejectValue("phone", "error.phone");
                }
                if (!consent) {
                    errors.rejectValue("consent", "error.consent");
                }
            }
            default -> { }
        }
    }

    private static void required(Errors errors, String field, String value) {
        if (value == null || value.isBlank()) {
            errors.rejectValue(field, "error.required");
        } else if (value.length() > 64) {
            errors.rejectValue(field, "error.tooLong");
        }
    }

    /** The fields collected by the steps before {@code step}, to carry as hidden inputs. */
    java.util.Map<String, String> fieldsBefore(Step step) {
        java.util.Map<String, String> fields = new java.util.LinkedHashMap<>();
        if (step.compareTo(Step.VEHICLE) > 0) {
            put(fields, "make", make);
            put(fields, "model", model);
            put(fields, "year", year);
            put(fields, "plate", plate);
        }
        if (step.compareTo(Step.DAMAGE) > 0) {
            put(fields, "damageType", damageType);
            put(fields, "damageSize", damageSize);
            put(fields, "inDriverView", inDriverView);
            put(fields, "impacts", impacts);
        }
        if (step.compareTo(Step.WHERE) > 0) {
            put(fields, "postcode", postcode);
            put(fields, "mode", mode);
        }
        if (step.compareTo(Step.SLOT) > 0) {
            put(fields, "slot", slot);
        }
        return fields;
    }

    private static void put(java.util.Map<String, String> fields, String name, Object value) {
        if (value != null) {
            fields.put(name, value.toString());
        }
    }

    Damage damage() {
        return new Damage(damageType, damageSize, Boolean.TRUE.equals(inDriverView), impacts);
    }

    /** The centre of the chosen slot ({@code slot} is {@code centreId|start}). */
    String slotCentre() {
        if (slot == null || !slot.contains("|")) {
            return null;
        }
        return slot.substring(0, slot.indexOf('|'));
    }

    /** The start of the chosen slot. */
    OffsetDateTime slotStart() {
        if (slot == null || !slot.contains("|")) {
            return null;
        }
        try {
            return OffsetDateTime.parse(slot.substring(slot.indexOf('|') + 1));
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    public String getMake() { return make; }
    public void setMake(String make) { this.make = trim(make); }
    public String getModel() { return model; }
    public void setModel(String model) { this.model = trim(model); }
    public Integer getYear() { return year; }
    public void setYear(Integer year) { this.year = year; }
    public String getPlate() { return plate; }
    public void setPlate(String plate) { this.plate = trim(plate); }
    public DamageType getDamageType() { return damageType; }
    public void setDamageType(DamageType damageType) { this.damageType = damageType; }
    public DamageSize getDamageSize() { return damageSize; }
    public void setDamageSize(DamageSize damageSize) { this.damageSize = damageSize; }
    public Boolean getInDriverView() { return inDriverView; }
    public void setInDriverView(Boolean inDriverView) { this.inDriverView = inDriverView; }
    public Integer getImpacts() { return impacts; }
    public void setImpacts(Integer impacts) { this.impacts = impacts; }
    public String getPostcode() { return postcode; }
    public void setPostcode(String postcode) { this.postcode = trim(postcode); }
    public Mode getMode() { return mode; }
    public void setMode(Mode mode) { this.mode = mode; }
    public String getSlot() { return slot; }
    public void setSlot(String slot) { this.slot = slot; }
    public String getName() { return name; }
    public void setName(String name) { this.name = trim(name); }
    public String getEmail() { return email; }
    public void setEmail(String email) { this.email = trim(email); }
    public String getPhone() { return phone; }
    public void setPhone(String phone) { this.phone = trim(phone); }
    public boolean isConsent() { return consent; }
    public void setConsent(boolean consent) { this.consent = consent; }

    private static String trim(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
