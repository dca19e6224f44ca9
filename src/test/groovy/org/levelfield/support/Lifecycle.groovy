package org.levelfield.support

import io.micronaut.context.ApplicationContext
import org.levelfield.common.identity.Actor
import org.levelfield.round.application.ApprovingDesign
import org.levelfield.round.application.PublishingRound
import org.levelfield.round.model.Round

/** Takes a draft round through partner sign-off, design approval and publication, for specs that work below HTTP. */
class Lifecycle {

    static void approveAndPublish(ApplicationContext context, Round round, Actor actor) {
        def approving = context.getBean(ApprovingDesign)
        round.partners().each { approving.signOff(round.id(), it.id(), new ApprovingDesign.SignOffCommand("Director", "Director"), actor) }
        approving.approve(round.id(), actor)
        context.getBean(PublishingRound).publish(round.id(), actor).orElseThrow { new AssertionError(it.message()) }
    }
}
